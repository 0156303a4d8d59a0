import Foundation
import Testing
import VouchStore
import VouchTestSupport

/// Giving work back: a stopping worker's release, and an operator's retry of dead jobs.
@Suite struct JobRecoveryTests {
    @Test(arguments: TestEngine.available)
    func aReleasedJobIsClaimedAtOnceWithoutSpendingAnAttempt(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let clip = try await fixture.store.submit(StoreFixture.submission("a")).clip
            let first = try #require(try await fixture.store.claimJob(worker: "stopping"))
            try await fixture.store.releaseJob(first)
            #expect(try await fixture.store.clip(id: clip.id)?.status == .received)

            let second = try #require(try await fixture.store.claimJob(worker: "successor"), "due at once, not after the lease")
            #expect(second.attempts == 2 && second.maxAttempts == fixture.store.queue.maxAttempts + 1)
            await #expect(throws: StoreError.leaseLost(job: first.id, worker: "stopping")) {
                try await fixture.store.finish(first, with: JobQueueTests.outcome)
            }
            await #expect(throws: StoreError.leaseLost(job: first.id, worker: "stopping")) {
                try await fixture.store.releaseJob(first)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func deadJobsAreRetriedWhileTheirUploadRemainsAndAudited(_ engine: TestEngine) async throws {
        var policy = QueuePolicy()
        policy.maxAttempts = 1
        try await withStore(engine, queue: policy) { fixture in
            let kept = try await fixture.store.submit(StoreFixture.submission("a")).clip
            let gone = try await fixture.store.submit(StoreFixture.submission("b", reviewer: "bob")).clip
            for _ in 0..<2 {
                let job = try #require(try await fixture.store.claimJob(worker: "w1"))
                #expect(try await fixture.store.failJob(job, reason: "the analyser could not start", retryable: true) == .dead)
            }
            try await fixture.store.clearSpool(clip: gone.id)
            #expect(try await fixture.store.deadJobs().map(\.clipID).sorted() == [kept.id, gone.id])

            let retried = try await fixture.store.retryDeadJobs(.all, actor: "operator:ana")
            #expect(retried.map(\.clipID) == [kept.id], "a clip whose upload is gone stays dead")
            let clip = try #require(try await fixture.store.clip(id: kept.id))
            #expect(clip.status == .received && clip.failure == nil)
            let audit = try #require(try await fixture.store.auditLog(subject: "clip:\(kept.id)").first)
            #expect(audit.action == "job.retried" && audit.actor == "operator:ana" && audit.detail["lastError"] == "the analyser could not start")

            let again = try #require(try await fixture.store.claimJob(worker: "w2"))
            #expect(again.clipID == kept.id && again.attempts == 2 && again.maxAttempts == 2)
            #expect(try await fixture.store.retryDeadJobs(.jobs([again.id]), actor: "operator:ana").isEmpty, "only dead jobs are retried")
        }
    }
}
