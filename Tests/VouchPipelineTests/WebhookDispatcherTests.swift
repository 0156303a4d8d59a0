import Foundation
import Logging
import Testing
import VouchPipeline
import VouchStore
import VouchTestSupport

/// Answers each post with the next scripted status, and remembers what it was sent.
private actor ScriptedReceiver: WebhookSender {
    struct Received {
        var body: Data
        var destination: WebhookDestination
        var headers: [String: String]
    }

    private var statuses: [Int?]
    private(set) var received: [Received] = []

    init(statuses: [Int?]) {
        self.statuses = statuses
    }

    func post(_ body: Data, to destination: WebhookDestination, headers: [String: String], timeout: Duration) async -> DeliveryResult {
        received.append(Received(body: body, destination: destination, headers: headers))
        let status = statuses.isEmpty ? 200 : statuses.removeFirst()
        return DeliveryResult(statusCode: status, error: status == nil ? "connection refused" : nil, duration: .milliseconds(1))
    }
}

@Suite struct WebhookDispatcherTests {
    private struct Fixture {
        let store: Store
        let clock: ManualClock
        let database: TestDatabase
    }

    private func withDispatchStore(_ engine: TestEngine, _ body: (Fixture) async throws -> Void) async throws {
        try await withFixture({
            let database = try await engine.makeDatabase()
            let clock = ManualClock()
            let store = try await Store.open(database.location, clock: clock)
            try await store.register(platform: "shop", name: "Shop")
            return Fixture(store: store, clock: clock, database: database)
        }, tearDown: { fixture in
            try? await fixture.store.close()
            await fixture.database.drop()
        }, body)
    }

    private static func settings(maxAttempts: Int) -> WebhookSettings {
        var settings = WebhookSettings()
        settings.allowPrivateAddresses = true
        settings.retry.maxAttempts = maxAttempts
        settings.retry.backoffSeconds = 10
        return settings
    }

    @Test(arguments: TestEngine.available)
    func aDeliveryIsSignedAndRetriedWithBackoffUntilItLands(_ engine: TestEngine) async throws {
        try await withDispatchStore(engine) { fixture in
            let hook = try await fixture.store.createWebhook(platform: "shop", url: "http://127.0.0.1:9/hook", events: [.clipPublished], secret: "whsec_test")
            try await fixture.store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.8)
            let receiver = ScriptedReceiver(statuses: [503, nil, 200])
            let dispatcher = WebhookDispatcher(store: fixture.store, sender: receiver, settings: Self.settings(maxAttempts: 5), logger: Logger(label: "test"))

            #expect(try await dispatcher.deliverDue() == 1)
            #expect(try await dispatcher.deliverDue() == 0, "the retry waits for its backoff")
            fixture.clock.advance(by: 10)
            #expect(try await dispatcher.deliverDue() == 1)
            fixture.clock.advance(by: 19)
            #expect(try await dispatcher.deliverDue() == 0, "the second retry waits twice as long")
            fixture.clock.advance(by: 1)
            #expect(try await dispatcher.deliverDue() == 1)

            let log = try #require(try await fixture.store.deliveryLog(webhook: hook.id).first)
            #expect(log.state == .delivered)
            #expect(log.attempts.map(\.statusCode) == [503, nil, 200])
            #expect(log.attempts[1].error == "connection refused")

            let sent = await receiver.received
            #expect(sent.count == 3)
            let last = try #require(sent.last)
            #expect(last.headers["Vouch-Event"] == "clip.published")
            let signature = try #require(last.headers["Vouch-Signature"])
            let timestamp = try #require(signature.split(separator: ",").first?.dropFirst(2)).description
            #expect(signature == WebhookSignature(signing: last.body, secret: "whsec_test", at: Int64(timestamp)!).header)
            #expect(Int64(timestamp) == Int64(fixture.clock.now().timeIntervalSince1970))
        }
    }

    @Test(arguments: TestEngine.available)
    func aDeliveryIsGivenUpAfterItsLastAttempt(_ engine: TestEngine) async throws {
        try await withDispatchStore(engine) { fixture in
            let hook = try await fixture.store.createWebhook(platform: "shop", url: "http://127.0.0.1:9/hook", events: [.clipPublished], secret: "s")
            try await fixture.store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.8)
            let receiver = ScriptedReceiver(statuses: [500, 500, 500])
            let dispatcher = WebhookDispatcher(store: fixture.store, sender: receiver, settings: Self.settings(maxAttempts: 2), logger: Logger(label: "test"))
            try await dispatcher.deliverDue()
            fixture.clock.advance(by: 3600)
            try await dispatcher.deliverDue()
            fixture.clock.advance(by: 3600)
            #expect(try await dispatcher.deliverDue() == 0)
            let log = try #require(try await fixture.store.deliveryLog(webhook: hook.id).first)
            #expect(log.state == .failed && log.attempts.count == 2)
        }
    }

    @Test(arguments: TestEngine.available)
    func anInternalAddressIsRefusedAtDeliveryToo(_ engine: TestEngine) async throws {
        try await withDispatchStore(engine) { fixture in
            let hook = try await fixture.store.createWebhook(platform: "shop", url: "http://127.0.0.1:9/hook", events: [.clipPublished], secret: "s")
            try await fixture.store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.8)
            let receiver = ScriptedReceiver(statuses: [])
            var settings = Self.settings(maxAttempts: 1)
            settings.allowPrivateAddresses = false
            try await WebhookDispatcher(store: fixture.store, sender: receiver, settings: settings, logger: Logger(label: "test")).deliverDue()
            #expect(await receiver.received.isEmpty)
            let attempt = try #require(try await fixture.store.deliveryLog(webhook: hook.id).first?.attempts.first)
            #expect(attempt.error?.contains("internal address") == true)
            #expect(attempt.error?.contains("127.0.0.1:9") == false, "the error names the URL's host only as the platform wrote it")
        }
    }

    /// DNS rebinding: the name resolves to a public address for the check, then to loopback.
    /// Each attempt looks the name up once and hands the sender the address it checked; the
    /// rebound answer is refused at the next attempt, and its address is in no error.
    @Test(arguments: TestEngine.available)
    func aRebindingNameIsLookedUpOnceAndSentOnlyWhereItWasChecked(_ engine: TestEngine) async throws {
        try await withDispatchStore(engine) { fixture in
            let hook = try await fixture.store.createWebhook(platform: "shop", url: "https://rebind.example/hook", events: [.clipPublished], secret: "s")
            try await fixture.store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.8)
            let resolver = ScriptedResolver([["93.184.215.14"], ["127.0.0.1"]])
            let receiver = ScriptedReceiver(statuses: [503])
            var settings = Self.settings(maxAttempts: 2)
            settings.allowPrivateAddresses = false
            let dispatcher = WebhookDispatcher(store: fixture.store, sender: receiver, resolver: resolver, settings: settings, logger: Logger(label: "test"))

            try await dispatcher.deliverDue()
            let sent = try #require(await receiver.received.first?.destination)
            #expect(sent.target.host == "rebind.example")
            #expect(sent.addresses.map(\.description) == ["93.184.215.14"])
            #expect(await resolver.questions == ["rebind.example"], "one lookup per attempt, none by the sender")

            fixture.clock.advance(by: 3600)
            try await dispatcher.deliverDue()
            #expect(await receiver.received.count == 1, "the rebound answer never reaches the sender")
            let attempts = try #require(try await fixture.store.deliveryLog(webhook: hook.id).first?.attempts)
            #expect(attempts.map(\.statusCode) == [503, nil])
            #expect(attempts[1].error?.contains("internal address") == true)
            #expect(attempts[1].error?.contains("127.0.0.1") == false)
        }
    }

    /// A receiver that drips its answer holds one of `run`'s slots until its deadline, and
    /// the next delivery, to another receiver, goes out meanwhile.
    @Test(.timeLimit(.minutes(2)), arguments: TestEngine.available)
    func aStalledReceiverDoesNotHoldUpTheNextDelivery(_ engine: TestEngine) async throws {
        try await withDispatchStore(engine) { fixture in
            let stalled = try await TestReceiver.start(.drip)
            let prompt = try await TestReceiver.start(.answer(204))
            try await fixture.store.register(platform: "social", name: "Social")
            _ = try await fixture.store.createWebhook(platform: "shop", url: stalled.url, events: [.clipPublished], secret: "s")
            let hook = try await fixture.store.createWebhook(platform: "social", url: prompt.url, events: [.clipPublished], secret: "s")
            var settings = Self.settings(maxAttempts: 1)
            settings.timeoutSeconds = 12
            settings.pollSeconds = 0.05
            let run = Task { await WebhookDispatcher(store: fixture.store, settings: settings, logger: Logger(label: "test")).run() }

            try await fixture.store.finishedClip(platform: "shop", reviewer: "alice", product: "sku-1", score: 0.8)
            #expect(await stalled.requests.next(within: .seconds(10)) != nil)
            try await fixture.store.finishedClip(platform: "social", reviewer: "bob", product: "sku-2", score: 0.8)
            #expect(await prompt.requests.next(within: .seconds(5)) != nil, "the second delivery went out while the first still waited")
            var state = DeliveryLogEntry.State.pending
            for _ in 0..<100 where state == .pending {
                try await Task.sleep(for: .milliseconds(50))
                state = try await fixture.store.deliveryLog(webhook: hook.id).first?.state ?? .pending
            }
            #expect(state == .delivered)

            run.cancel()
            await run.value
            await stalled.stop()
            await prompt.stop()
        }
    }
}

@Suite struct WebhookSignatureTests {
    @Test func matchesAnIndependentHMAC() {
        // python3: hmac.new(b"whsec_test", b'1700000000.{"a":1}', hashlib.sha256).hexdigest()
        let signature = WebhookSignature(signing: Data(#"{"a":1}"#.utf8), secret: "whsec_test", at: 1_700_000_000)
        #expect(signature.header == "t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789")
    }
}
