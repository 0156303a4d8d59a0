import Foundation
import Testing
import VouchModel
import VouchStore
import VouchTestSupport

@Suite struct JobQueueTests {
    static let outcome = ClipOutcome(status: .published, explanation: ScoreExplanation(parts: ScoreParts(score: 0.8, identityAssurance: 0.6, originality: 1, reviewerTrust: 0.8),
                                                                        verdict: .original),
                                     probe: "{}", fingerprint: Data([1, 2, 3]))

    @Test(arguments: TestEngine.available)
    func aClaimLeasesTheJobToOneWorker(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let clip = try await fixture.store.submit(StoreFixture.submission("a")).clip
            let job = try #require(try await fixture.store.claimJob(worker: "w1"))
            #expect(job.clipID == clip.id)
            #expect(job.attempts == 1)
            #expect(job.leaseOwner == "w1")
            #expect(try await fixture.store.claimJob(worker: "w2") == nil)
            #expect(try await fixture.store.clip(id: clip.id)?.status == .processing)
        }
    }

    @Test(arguments: TestEngine.available)
    func anExpiredLeaseGoesToAnotherWorkerAndFencesOutTheFirst(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            _ = try await fixture.store.submit(StoreFixture.submission("a"))
            let first = try #require(try await fixture.store.claimJob(worker: "w1"))
            fixture.clock.advance(by: fixture.store.queue.leaseSeconds + 1)
            let second = try #require(try await fixture.store.claimJob(worker: "w2"))
            #expect(second.id == first.id)
            #expect(second.attempts == 2)

            #expect(try await fixture.store.heartbeat(first) == false)
            await #expect(throws: StoreError.leaseLost(job: first.id, worker: "w1")) {
                try await fixture.store.finish(first, with: Self.outcome)
            }
            #expect(try await fixture.store.clip(id: first.clipID)?.status == .processing)
            try await fixture.store.finish(second, with: Self.outcome)
            #expect(try await fixture.store.clip(id: first.clipID)?.status == .published)
            let processed = try await fixture.store.auditLog(subject: "clip:\(first.clipID)").filter { $0.action == "clip.published" }
            #expect(processed.count == 1)
            #expect(processed.first?.actor == "worker:w2")
        }
    }

    @Test(arguments: TestEngine.available)
    func heartbeatsKeepTheLease(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            _ = try await fixture.store.submit(StoreFixture.submission("a"))
            let job = try #require(try await fixture.store.claimJob(worker: "w1"))
            for _ in 0..<3 {
                fixture.clock.advance(by: fixture.store.queue.leaseSeconds * 0.6)
                #expect(try await fixture.store.heartbeat(job))
            }
            #expect(try await fixture.store.claimJob(worker: "w2") == nil)
        }
    }

    @Test(arguments: TestEngine.available)
    func failuresRetryWithBackoffThenDeadLetter(_ engine: TestEngine) async throws {
        var policy = QueuePolicy()
        policy.maxAttempts = 3
        try await withStore(engine, queue: policy) { fixture in
            let clip = try await fixture.store.submit(StoreFixture.submission("a")).clip
            for attempt in 1...3 {
                let job = try #require(try await fixture.store.claimJob(worker: "w1"))
                #expect(job.attempts == attempt)
                let state = try await fixture.store.failJob(job, reason: "decoder crashed (attempt \(attempt))", retryable: true)
                #expect(state == (attempt < 3 ? .queued : .dead))
                if attempt < 3 {
                    #expect(try await fixture.store.claimJob(worker: "w1") == nil, "a retry waits for its backoff")
                    fixture.clock.advance(by: policy.backoff(afterAttempt: attempt))
                }
            }
            let dead = try #require(try await fixture.store.jobs(clip: clip.id).first)
            #expect(dead.state == .dead)
            #expect(dead.lastError == "decoder crashed (attempt 3)")
            let failed = try await fixture.store.clip(id: clip.id)
            #expect(failed?.status == .failed)
            #expect(failed?.failure == "decoder crashed (attempt 3)")
        }
    }

    @Test(arguments: TestEngine.available)
    func aPermanentFailureDeadLettersAtOnce(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            _ = try await fixture.store.submit(StoreFixture.submission("a"))
            let job = try #require(try await fixture.store.claimJob(worker: "w1"))
            #expect(try await fixture.store.failJob(job, reason: "not a video", retryable: false) == .dead)
            #expect(try await fixture.store.jobCounts() == [.dead: 1])
        }
    }

    @Test(arguments: TestEngine.available)
    func aWorkerThatKeepsDyingDeadLettersTheJob(_ engine: TestEngine) async throws {
        var policy = QueuePolicy()
        policy.maxAttempts = 2
        try await withStore(engine, queue: policy) { fixture in
            let clip = try await fixture.store.submit(StoreFixture.submission("a")).clip
            for _ in 1...2 {
                _ = try #require(try await fixture.store.claimJob(worker: "doomed"))
                fixture.clock.advance(by: policy.leaseSeconds + 1)
            }
            #expect(try await fixture.store.claimJob(worker: "w2") == nil)
            #expect(try await fixture.store.jobs(clip: clip.id).first?.state == .dead)
            #expect(try await fixture.store.clip(id: clip.id)?.status == .failed)
        }
    }

    @Test(arguments: TestEngine.available)
    func concurrentClaimsNeverShareAJob(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            for index in 0..<30 {
                _ = try await fixture.store.submit(StoreFixture.submission("clip\(index)", reviewer: "r\(index)"))
            }
            let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        var mine: [Int64] = []
                        while let job = try await fixture.store.claimJob(worker: "w\(worker)") { mine.append(job.id) }
                        return mine
                    }
                }
                return try await group.reduce(into: [Int64]()) { $0 += $1 }
            }
            #expect(claimed.count == 30)
            #expect(Set(claimed).count == 30)
        }
    }

    @Test(arguments: TestEngine.available)
    func aFinishedClipJoinsTheIndexLogAndCanBeTakenDown(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let clip = try await fixture.store.submit(StoreFixture.submission("a")).clip
            let job = try #require(try await fixture.store.claimJob(worker: "w1"))
            var outcome = Self.outcome
            outcome.flags = [ClipFlag(kind: .copyOfOtherIdentity, detail: "matches clip 9", evidence: "{\"clip\":9}")]
            outcome.thumbnails = [KeyframeImage(position: 0, timestamp: 0, jpeg: Data([0xFF, 0xD8, 0xFF]))]
            try await fixture.store.finish(job, with: outcome)

            #expect(try await fixture.store.flags(clip: clip.id) == outcome.flags)
            #expect(try await fixture.store.thumbnails(clip: clip.id) == outcome.thumbnails)
            #expect(try await fixture.store.fingerprint(clip: clip.id) == Data([1, 2, 3]))
            let indexed = try await fixture.store.indexedFingerprints(after: 0)
            #expect(indexed.map(\.clipID) == [clip.id])
            #expect(try await fixture.store.indexChanges(after: 0).map(\.kind) == [.insert])

            try await fixture.store.removeFromIndex(clip: clip.id, actor: "moderator:mo", reason: "stolen footage")
            #expect(try await fixture.store.indexedFingerprints(after: 0).isEmpty)
            let changes = try await fixture.store.indexChanges(after: 0)
            #expect(changes.map(\.kind) == [.insert, .remove])
            #expect(try await fixture.store.latestIndexSequence() == changes.last?.sequence)
        }
    }
}
