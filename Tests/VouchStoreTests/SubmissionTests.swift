import Foundation
import Testing
import VouchStore
import VouchTestSupport

@Suite struct SubmissionTests {
    @Test(arguments: TestEngine.available)
    func aSubmissionMakesAClipAQueuedJobAndAnAuditEntry(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let receipt = try await fixture.store.submit(StoreFixture.submission("a", key: "k1"))
            #expect(receipt.created)
            #expect(receipt.clip.status == .received)
            let jobs = try await fixture.store.jobs(clip: receipt.clip.id)
            #expect(jobs.map(\.state) == [.queued])
            #expect(try await fixture.store.auditLog(subject: "clip:\(receipt.clip.id)").map(\.action) == ["clip.submitted"])
        }
    }

    @Test(arguments: TestEngine.available)
    func theSameKeyAndBytesMakeOneClip(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let first = try await fixture.store.submit(StoreFixture.submission("a", key: "k1"))
            let again = try await fixture.store.submit(StoreFixture.submission("a", key: "k1"))
            #expect(!again.created)
            #expect(again.clip.id == first.clip.id)
            #expect(try await fixture.store.jobCounts()[.queued] == 1)
            let otherPlatform = try await fixture.store.submit(StoreFixture.submission("a", platform: "social", key: "k1"))
            #expect(otherPlatform.created)
        }
    }

    @Test(arguments: TestEngine.available)
    func concurrentRetriesWithOneKeyMakeOneClip(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let ids = try await withThrowingTaskGroup(of: Int64.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await fixture.store.submit(StoreFixture.submission("a", key: "race")).clip.id }
                }
                return try await group.reduce(into: Set<Int64>()) { $0.insert($1) }
            }
            #expect(ids.count == 1)
            #expect(try await fixture.store.jobCounts()[.queued] == 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func aReusedKeyWithOtherBytesIsAConflict(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let first = try await fixture.store.submit(StoreFixture.submission("a", key: "k1"))
            await #expect(throws: StoreError.idempotencyConflict(key: "k1", existingClip: first.clip.id)) {
                try await fixture.store.submit(StoreFixture.submission("b", key: "k1"))
            }
            #expect(try await fixture.store.jobCounts()[.queued] == 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func anUnknownPlatformWritesNothing(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            await #expect(throws: StoreError.notFound("platform 'nobody'")) {
                try await fixture.store.submit(StoreFixture.submission("a", platform: "nobody"))
            }
            let counts = try await fixture.store.jobCounts()
            let audit = try await fixture.store.auditLog()
            #expect(counts.isEmpty)
            #expect(audit.isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func aReviewerKeyLinksAccountsAcrossPlatforms(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let shop = try await fixture.store.submit(StoreFixture.submission("a", platform: "shop", reviewer: "alice", reviewerKey: "KEY"))
            let social = try await fixture.store.submit(StoreFixture.submission("b", platform: "social", reviewer: "al1ce"))
            let shopReviewer = try #require(try await fixture.store.reviewer(id: shop.clip.reviewerID))
            var socialReviewer = try #require(try await fixture.store.reviewer(id: social.clip.reviewerID))
            #expect(shopReviewer.identityID != socialReviewer.identityID)

            _ = try await fixture.store.submit(StoreFixture.submission("c", platform: "social", reviewer: "al1ce", reviewerKey: "KEY"))
            socialReviewer = try #require(try await fixture.store.reviewer(id: social.clip.reviewerID))
            #expect(socialReviewer.identityID == shopReviewer.identityID)
            #expect(try await fixture.store.auditLog(subject: "identity:\(shopReviewer.identityID)").map(\.action) == ["identity.linked"])
        }
    }
}

@Suite struct AttestationIDTests {
    @Test(arguments: TestEngine.available)
    func anIDIsClaimedOnceUntilItExpires(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let now = fixture.clock.now()
            let first = try await fixture.store.claimAttestationID("shop/jti-1", until: now.addingTimeInterval(60), now: now)
            #expect(first)
            #expect(try await fixture.store.claimAttestationID("shop/jti-1", until: now.addingTimeInterval(60), now: now) == false)
            #expect(try await fixture.store.claimAttestationID("shop/jti-2", until: now.addingTimeInterval(60), now: now))
            let later = now.addingTimeInterval(61)
            #expect(try await fixture.store.claimAttestationID("shop/jti-1", until: later.addingTimeInterval(60), now: later))
        }
    }
}
