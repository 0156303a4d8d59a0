import Crypto
import Foundation
import Hummingbird
import Logging
import Testing
import VouchPipeline
import VouchServer
import VouchStore
import VouchTestSupport

/// A real HTTP receiver on a free port: records each delivery, and redirects `/redirect`.
private struct Receiver {
    actor Log {
        var deliveries: [(headers: [String: String], body: Data)] = []
        func append(_ headers: [String: String], _ body: Data) { deliveries.append((headers, body)) }
    }

    let url: URL
    let log: Log
    let task: Task<Void, any Error>

    static func start() async throws -> Receiver {
        let log = Log()
        let router = Router()
        router.post("/hook") { request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 1 << 20)
            await log.append(Dictionary(request.headers.map { ($0.name.canonicalName, $0.value) }, uniquingKeysWith: { first, _ in first }), Data(buffer: body))
            return .noContent
        }
        router.post("/redirect") { _, _ -> Response in
            Response(status: .temporaryRedirect, headers: [.location: "/hook"])
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var quiet = Logger(label: "receiver")
        quiet.logLevel = .critical
        let application = Application(router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                                      onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: quiet)
        let task = Task { try await application.runService() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return Receiver(url: URL(string: "http://127.0.0.1:\(port)")!, log: log, task: task)
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}

@Suite struct WebhookRoutesTests {
    static func allowLoopback(_ server: inout ServerSettings, _ pipeline: inout PipelineSettings) {
        pipeline.webhooks.allowPrivateAddresses = true
    }

    static func register(_ url: String, on server: ServerFixture, as platform: TestPlatform? = nil, events: String = #"["clip.published"]"#) async throws -> ServerFixture.Answer {
        try await server.send("/v1/webhooks", method: "POST",
                              headers: ["Authorization": "Bearer \((platform ?? server.shop).apiKey)", "Content-Type": "application/json"],
                              body: Data(#"{"url": "\#(url)", "events": \#(events)}"#.utf8))
    }

    @Test func aVerdictReachesTheReceiverSignedAndIsLogged() async throws {
        let receiver = try await Receiver.start()
        try await withServer(adjust: Self.allowLoopback) { server in
            let created = try await Self.register(receiver.url.appendingPathComponent("hook").absoluteString, on: server)
            #expect(created.status == 201)
            let secret = try #require(created.json["secret"] as? String)
            let id = try #require(created.json["id"] as? Int)
            let clip = try await server.pipeline.store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.8)

            var settings = WebhookSettings()
            settings.allowPrivateAddresses = true
            #expect(try await WebhookDispatcher(store: server.pipeline.store, settings: settings, logger: Logger(label: "test")).deliverDue() == 1)

            let delivery = try #require(await receiver.log.deliveries.first)
            let header = try #require(delivery.headers["vouch-signature"])
            let fields = Dictionary(uniqueKeysWithValues: header.split(separator: ",").map { part in
                let pair = part.split(separator: "=", maxSplits: 1)
                return (String(pair[0]), String(pair[1]))
            })
            let timestamp = try #require(fields["t"])
            let expected = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp).".utf8) + delivery.body, using: SymmetricKey(data: Data(secret.utf8)))
            #expect(fields["v1"] == expected.map { String(format: "%02x", $0) }.joined())
            let event = try #require(try JSONSerialization.jsonObject(with: delivery.body) as? [String: Any])
            #expect(event["event"] as? String == "clip.published")
            #expect((event["clip"] as? [String: Any])?["id"] as? Int == Int(clip))

            let log = try await server.send("/v1/webhooks/\(id)/deliveries", headers: ["Authorization": "Bearer \(server.shop.apiKey)"])
            let entry = try #require((log.json["deliveries"] as? [[String: Any]])?.first)
            #expect(entry["state"] as? String == "delivered")
            #expect((entry["attempts"] as? [[String: Any]])?.first?["statusCode"] as? Int == 204)
        }
        await receiver.stop()
    }

    @Test func aRedirectIsNotFollowed() async throws {
        let receiver = try await Receiver.start()
        try await withServer(adjust: Self.allowLoopback) { server in
            let created = try await Self.register(receiver.url.appendingPathComponent("redirect").absoluteString, on: server)
            let id = try #require(created.json["id"] as? Int)
            try await server.pipeline.store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.8)
            var settings = WebhookSettings()
            settings.allowPrivateAddresses = true
            try await WebhookDispatcher(store: server.pipeline.store, settings: settings, logger: Logger(label: "test")).deliverDue()
            #expect(await receiver.log.deliveries.isEmpty)
            let attempt = try #require(try await server.pipeline.store.deliveryLog(webhook: Int64(id)).first?.attempts.first)
            #expect(attempt.statusCode == 307)
        }
        await receiver.stop()
    }

    @Test func webhooksBelongToTheirPlatform() async throws {
        try await withServer(adjust: Self.allowLoopback) { server in
            let created = try await Self.register("https://shop.example/hook", on: server)
            let id = try #require(created.json["id"] as? Int)
            let socialAuth = ["Authorization": "Bearer \(server.social.apiKey)"]
            let listed = try await server.send("/v1/webhooks", headers: socialAuth)
            #expect((listed.json["webhooks"] as? [Any])?.isEmpty == true)
            #expect(try await server.send("/v1/webhooks/\(id)", method: "DELETE", headers: socialAuth).status == 404)
            #expect(try await server.send("/v1/webhooks/\(id)/deliveries", headers: socialAuth).status == 404)
            let shopAuth = ["Authorization": "Bearer \(server.shop.apiKey)"]
            let own = try await server.send("/v1/webhooks", headers: shopAuth)
            let listedHook = try #require((own.json["webhooks"] as? [[String: Any]])?.first)
            #expect(listedHook["secret"] == nil, "the secret is shown only once")
            #expect(try await server.send("/v1/webhooks/\(id)", method: "DELETE", headers: shopAuth).status == 204)
        }
    }

    @Test func badRegistrationsGetAProblem() async throws {
        try await withServer { server in
            let auth = ["Authorization": "Bearer \(server.shop.apiKey)", "Content-Type": "application/json"]
            for url in ["ftp://example.com/", "http://127.0.0.1:8080/", "http://169.254.169.254/", "https://user:pw@example.com/"] {
                let refused = try await Self.register(url, on: server)
                #expect(refused.status == 422 && refused.isProblem, "\(url)")
            }
            let unknownEvent = try await Self.register("https://example.com/", on: server, events: #"["clip.exploded"]"#)
            #expect(unknownEvent.status == 400 && unknownEvent.isProblem)
            let malformed = try await server.send("/v1/webhooks", method: "POST", headers: auth, body: Data("{".utf8))
            #expect(malformed.status == 400 && malformed.isProblem)
            let oversized = try await server.send("/v1/webhooks", method: "POST", headers: auth, body: Data(repeating: 32, count: 3 << 20))
            #expect(oversized.status == 413 && oversized.isProblem)
            let anonymous = try await server.send("/v1/webhooks")
            #expect(anonymous.status == 401 && anonymous.isProblem)
        }
    }
}
