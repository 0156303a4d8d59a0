import Foundation
import Testing
import VouchPipeline
import VouchTestSupport

/// The HTTP sender against real receivers on 127.0.0.1 that misbehave as a hostile one would.
@Suite(.timeLimit(.minutes(3))) struct WebhookSenderTests {
    private let sender = HTTPWebhookSender()

    private func destination(_ url: String) throws -> WebhookDestination {
        WebhookDestination(target: try WebhookTarget(parsing: url), addresses: [try #require(IPAddress("127.0.0.1"))])
    }

    @Test func aReceiverThatDripsOneByteASecondIsCutOffAtTheDeadline() async throws {
        let receiver = try await TestReceiver.start(.drip)
        let result = await sender.post(Data("{}".utf8), to: try destination(receiver.url), headers: [:], timeout: .seconds(2))
        #expect(result.statusCode == nil)
        #expect(result.error == WebhookDeliveryError.timedOut.description)
        // The drip never ends: ending at all, soon after the deadline even on a loaded machine, is the point.
        #expect(result.duration >= .seconds(2) && result.duration < .seconds(12))
        await receiver.stop()
    }

    @Test(arguments: [false, true])
    func anEndlessBodyIsReadForAFewKiBAndNeverDecompressed(gzip: Bool) async throws {
        let receiver = try await TestReceiver.start(.endlessBody(gzip: gzip))
        let result = await sender.post(Data("{}".utf8), to: try destination(receiver.url), headers: [:], timeout: .seconds(30))
        #expect(result.statusCode == 200 && result.error == nil)
        #expect(result.duration < .seconds(20), "the sender hangs up after a few KiB, long before the 30 s deadline")
        let written = try #require(await receiver.closings.next(within: .seconds(10)))
        #expect(written < 16 << 20, "the receiver could write no more than the sockets' buffers hold past the few KiB read")
        let head = try #require(await receiver.requests.next(within: .seconds(1)))
        #expect(!head.lowercased().contains("accept-encoding"))
        await receiver.stop()
    }

    @Test func theSenderConnectsToTheCheckedAddressAndNeverLooksTheNameUp() async throws {
        let receiver = try await TestReceiver.start(.answer(204))
        // .invalid never resolves (RFC 6761): the request can only have gone to the address given.
        let target = "http://rebound.invalid:\(receiver.port)/hook?shop=1"
        let result = await sender.post(Data("{}".utf8), to: try destination(target), headers: ["Vouch-Event": "clip.published"], timeout: .seconds(30))
        #expect(result.statusCode == 204, "\(result.error ?? "")")
        let head = try #require(await receiver.requests.next(within: .seconds(1)))
        let lines = head.split(separator: "\r\n").map { $0.lowercased() }
        #expect(lines.first == "post /hook?shop=1 http/1.1")
        #expect(lines.contains("host: rebound.invalid:\(receiver.port)"))
        #expect(lines.contains("vouch-event: clip.published"))
        await receiver.stop()
    }

    @Test func aRefusedConnectionIsReportedWithoutTheAddress() async throws {
        let refusing = try RefusingPort()
        let port = refusing.port
        let result = await sender.post(Data("{}".utf8), to: try destination("http://127.0.0.1:\(port)/hook"), headers: [:], timeout: .seconds(5))
        withExtendedLifetime(refusing) {}
        #expect(result.statusCode == nil)
        #expect(result.error == WebhookDeliveryError.refused.description)
        #expect(result.error?.contains("127.0.0.1") == false && result.error?.contains("\(port)") == false)
    }

    @Test func theAttemptsDeadlineCoversAnHTTPSHandshakeThatNeverCompletes() async throws {
        let receiver = try await TestReceiver.start(.drip)
        let result = await sender.post(Data("{}".utf8), to: try destination("https://rebound.invalid:\(receiver.port)/hook"), headers: [:], timeout: .seconds(2))
        #expect(result.statusCode == nil && result.error == WebhookDeliveryError.timedOut.description)
        // Without the deadline the handshake would wait for ever; soon after it, even on a loaded machine, is the point.
        #expect(result.duration >= .seconds(2) && result.duration < .seconds(12))
        await receiver.stop()
    }

    /// https to a checked address: the certificate must be valid for the name in the URL,
    /// which is also sent as SNI; for an IP literal it must be valid for the address.
    @Test func anHTTPSReceiverMustHoldACertificateForTheURLsName() async throws {
        let certificates = try TestCertificates(receiverName: "receiver.test")
        let receiver = try await TestReceiver.start(.answer(204), tls: try certificates.serverContext())
        let sender = HTTPWebhookSender(tlsConfiguration: certificates.clientConfiguration)
        // Generous deadlines: a handshake on a loaded machine must not time out before it can fail on its merits.
        let valid = await sender.post(Data("{}".utf8), to: try destination("https://receiver.test:\(receiver.port)/hook"), headers: [:], timeout: .seconds(30))
        #expect(valid.statusCode == 204, "\(valid.error ?? "")")
        for url in ["https://elsewhere.test:\(receiver.port)/hook", "https://127.0.0.1:\(receiver.port)/hook"] {
            let refused = await sender.post(Data("{}".utf8), to: try destination(url), headers: [:], timeout: .seconds(30))
            #expect(refused.statusCode == nil && refused.error == WebhookDeliveryError.tlsFailed.description, "\(url): \(refused.error ?? "")")
        }
        await receiver.stop()
    }
}
