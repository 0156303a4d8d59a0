import Foundation
import Testing
import VouchStore
import VouchTestSupport

@Suite struct WebhookStoreTests {
    @Test(arguments: TestEngine.available)
    func aPlatformSeesAndDeletesOnlyItsOwnWebhooks(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let hook = try await store.createWebhook(platform: "shop", url: "https://shop.example/hook", events: [.clipPublished], secret: "s1")
            #expect(try await store.webhooks(platform: "shop").map(\.id) == [hook.id])
            #expect(try await store.webhooks(platform: "social").isEmpty)
            #expect(try await store.webhook(id: hook.id, platform: "social") == nil)
            #expect(try await store.deleteWebhook(id: hook.id, platform: "social") == false)
            #expect(try await store.deleteWebhook(id: hook.id, platform: "shop"))
            #expect(try await store.webhooks(platform: "shop").isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func aVerdictQueuesOneDeliveryPerSubscribedWebhookOfItsPlatform(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let published = try await store.createWebhook(platform: "shop", url: "https://a.example/", events: [.clipPublished], secret: "s1")
            _ = try await store.createWebhook(platform: "shop", url: "https://b.example/", events: [.clipFlagged], secret: "s2")
            _ = try await store.createWebhook(platform: "social", url: "https://c.example/", events: WebhookEvent.allCases, secret: "s3")
            let clip = try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.8)

            let due = try await store.claimDeliveries(limit: 10, leaseSeconds: 60)
            #expect(due.map(\.webhookID) == [published.id])
            let delivery = try #require(due.first)
            #expect(delivery.secret == "s1" && delivery.event == .clipPublished && delivery.attempt == 1)
            let payload = try JSONSerialization.jsonObject(with: Data(delivery.payload.utf8)) as? [String: Any]
            let body = try #require(payload?["clip"] as? [String: Any])
            #expect(body["id"] as? Int == Int(clip))
            #expect(body["status"] as? String == "published")
            #expect(try await store.claimDeliveries(limit: 10, leaseSeconds: 60).isEmpty, "a claimed delivery is not due again within its lease")
        }
    }

    @Test(arguments: TestEngine.available)
    func attemptsAreLoggedAndRetriedUntilDeliveredOrGivenUp(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let hook = try await store.createWebhook(platform: "shop", url: "https://a.example/", events: WebhookEvent.allCases, secret: "s")
            try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.8)
            try await store.finishedClip(reviewer: "bob", product: "sku-1", score: 0.1, status: .rejected)
            let due = try await store.claimDeliveries(limit: 10, leaseSeconds: 60)
            #expect(due.count == 2)
            let (first, second) = (due[0], due[1])

            try await store.record(DeliveryResult(statusCode: 500, error: nil, duration: .milliseconds(12)), of: first,
                                   retryAt: fixture.clock.now().addingTimeInterval(30))
            try await store.record(DeliveryResult(statusCode: nil, error: "connection refused", duration: .milliseconds(3)), of: second, retryAt: nil)
            fixture.clock.advance(by: 31)
            let retried = try #require(try await store.claimDeliveries(limit: 10, leaseSeconds: 60).first)
            #expect(retried.id == first.id && retried.attempt == 2)
            try await store.record(DeliveryResult(statusCode: 204, error: nil, duration: .milliseconds(5)), of: retried, retryAt: nil)

            let log = try await store.deliveryLog(webhook: hook.id)
            let delivered = try #require(log.first { $0.id == first.id })
            #expect(delivered.state == .delivered)
            #expect(delivered.attempts.map(\.statusCode) == [500, 204])
            #expect(delivered.attempts.first?.durationMilliseconds == 12)
            let failed = try #require(log.first { $0.id == second.id })
            #expect(failed.state == .failed && failed.event == .clipRejected)
            #expect(failed.attempts.first?.error == "connection refused")
            #expect(try await store.pendingDeliveryCount() == 0)
        }
    }

    @Test(arguments: TestEngine.available)
    func moderatorDecisionsAndBansQueueDeliveriesToo(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            _ = try await store.createWebhook(platform: "shop", url: "https://a.example/", events: WebhookEvent.allCases, secret: "s")
            let held = try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.4, status: .flagged)
            let earlier = try await store.finishedClip(reviewer: "alice", product: "sku-2", score: 0.7)
            _ = try await store.claimDeliveries(limit: 10, leaseSeconds: 60)

            try await store.decide(.banIdentity, clip: held, moderator: "mo", reason: "paid reviews")
            let due = try await store.claimDeliveries(limit: 10, leaseSeconds: 60)
            let events = try due.map { delivery -> (Int, WebhookEvent) in
                let payload = try JSONSerialization.jsonObject(with: Data(delivery.payload.utf8)) as? [String: Any]
                return ((payload?["clip"] as? [String: Any])?["id"] as? Int ?? -1, delivery.event)
            }
            #expect(events.map(\.0) == [Int(held), Int(earlier)])
            #expect(events.map(\.1) == [.clipRejected, .clipFlagged], "the banned clip is rejected and the identity's published clip held")
        }
    }
}
