import Foundation
import SQLKit
import VouchModel

extension Store {
    /// Leases the oldest ready job to `worker`, or returns nil when none is ready.
    ///
    /// A job is ready when queued and due, or when its lease expired (its worker died).
    /// PostgreSQL workers skip rows another claim has locked; on SQLite the single
    /// `UPDATE … RETURNING` is atomic under SQLite's one writer. Jobs whose lease expired
    /// on their last allowed attempt are dead-lettered instead.
    public func claimJob(worker: String) async throws -> Job? {
        let now = nowMilliseconds
        let expires = now + Int64(queue.leaseSeconds * 1000)
        let lock = database.engine == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await database.transaction { db in
            let lost = try await db.raw("""
                UPDATE jobs SET state = 'dead', lease_owner = NULL, finished_at = \(bind: now),
                  last_error = 'the worker holding it stopped answering on its last allowed attempt'
                WHERE state = 'running' AND lease_expires_at < \(bind: now) AND attempts >= max_attempts
                RETURNING clip_id
                """).all()
            for row in lost {
                let clipID = try row.decode(column: "clip_id", as: Int64.self)
                try await markFailed(clip: clipID, reason: "processing never finished: its worker stopped answering too often", in: db, now: now)
            }
            guard let row = try await db.raw("""
                UPDATE jobs SET state = 'running', lease_owner = \(bind: worker), lease_expires_at = \(bind: expires), attempts = attempts + 1
                WHERE id = (
                  SELECT id FROM jobs
                  WHERE (state = 'queued' AND run_after <= \(bind: now)) OR (state = 'running' AND lease_expires_at < \(bind: now))
                  ORDER BY run_after, id LIMIT 1\(unsafeRaw: lock)
                )
                RETURNING \(unsafeRaw: Job.columns.joined(separator: ", "))
                """).first()
            else { return nil }
            let job = try Job(row: row)
            try await db.update("clips").set("status", to: SQLBind(ClipStatus.processing.rawValue)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, job.clipID).run()
            return job
        }
    }

    /// Extends `job`'s lease; false when the lease already passed to another worker.
    public func heartbeat(_ job: Job) async throws -> Bool {
        let now = nowMilliseconds
        let expires = now + Int64(queue.leaseSeconds * 1000)
        return try await database.run { db in
            try await db.update("jobs").set("lease_expires_at", to: SQLBind(expires))
                .where("id", .equal, job.id).where("state", .equal, Job.State.running.rawValue)
                .where("lease_owner", .equal, job.leaseOwner).where("attempts", .equal, job.attempts)
                .returning("id").first() != nil
        }
    }

    /// Inside a transaction, marks `job` done if this worker's attempt still holds it;
    /// otherwise throws ``StoreError/leaseLost(job:worker:)`` and the transaction's other
    /// writes roll back with it. This fencing is what makes a clip finish exactly once.
    func completeJob(_ job: Job, in db: any SQLDatabase, now: Int64) async throws {
        let done = try await db.update("jobs")
            .set("state", to: SQLBind(Job.State.done.rawValue)).set("finished_at", to: SQLBind(now))
            .set("lease_owner", to: SQLLiteral.null).set("last_error", to: SQLLiteral.null)
            .where("id", .equal, job.id).where("state", .equal, Job.State.running.rawValue)
            .where("lease_owner", .equal, job.leaseOwner).where("attempts", .equal, job.attempts)
            .returning("id").first()
        guard done != nil else { throw StoreError.leaseLost(job: job.id, worker: job.leaseOwner ?? "") }
    }

    /// Records a failed attempt: retried after a backoff when `retryable` and attempts
    /// remain, otherwise dead-lettered with `reason`, and its clip marked failed.
    @discardableResult
    public func failJob(_ job: Job, reason: String, retryable: Bool) async throws -> Job.State {
        let now = nowMilliseconds
        let retry = retryable && job.attempts < job.maxAttempts
        let state: Job.State = retry ? .queued : .dead
        let runAfter = now + Int64(queue.backoff(afterAttempt: job.attempts) * 1000)
        return try await database.transaction { db in
            let updated = try await db.update("jobs")
                .set("state", to: SQLBind(state.rawValue)).set("last_error", to: SQLBind(reason))
                .set("lease_owner", to: SQLLiteral.null).set("lease_expires_at", to: SQLLiteral.null)
                .set("run_after", to: SQLBind(retry ? runAfter : job.runAfter.storeMilliseconds))
                .set("finished_at", to: retry ? SQLLiteral.null as any SQLExpression : SQLBind(now))
                .where("id", .equal, job.id).where("state", .equal, Job.State.running.rawValue)
                .where("lease_owner", .equal, job.leaseOwner).where("attempts", .equal, job.attempts)
                .returning("id").first()
            guard updated != nil else { throw StoreError.leaseLost(job: job.id, worker: job.leaseOwner ?? "") }
            if retry {
                try await db.update("clips").set("status", to: SQLBind(ClipStatus.received.rawValue)).set("updated_at", to: SQLBind(now))
                    .where("id", .equal, job.clipID).run()
            } else {
                try await markFailed(clip: job.clipID, reason: reason, in: db, now: now)
            }
            return state
        }
    }

    /// Gives `job` back to the queue at once, for another worker to take now rather than
    /// after its lease expires: a worker shutting down does this with the job it could not
    /// finish in time. The attempt stays counted (its number still fences out anything this
    /// worker might commit late) but does not count against the job: `max_attempts` grows
    /// with it, so a rolling restart never dead-letters a clip.
    public func releaseJob(_ job: Job) async throws {
        let now = nowMilliseconds
        try await database.transaction { db in
            let released = try await db.raw("""
                UPDATE jobs SET state = 'queued', lease_owner = NULL, lease_expires_at = NULL, run_after = \(bind: now),
                  max_attempts = max_attempts + 1
                WHERE id = \(bind: job.id) AND state = 'running' AND lease_owner = \(bind: job.leaseOwner ?? "") AND attempts = \(bind: job.attempts)
                RETURNING id
                """).first()
            guard released != nil else { throw StoreError.leaseLost(job: job.id, worker: job.leaseOwner ?? "") }
            try await db.update("clips").set("status", to: SQLBind(ClipStatus.received.rawValue)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, job.clipID).run()
        }
    }

    private func markFailed(clip: Int64, reason: String, in db: any SQLDatabase, now: Int64) async throws {
        try await db.update("clips").set("status", to: SQLBind(ClipStatus.failed.rawValue)).set("failure", to: SQLBind(reason))
            .set("updated_at", to: SQLBind(now)).where("id", .equal, clip).run()
        try await appendAudit(db, actor: "system", action: "clip.failed", subject: "clip:\(clip)", detail: ["reason": reason])
        try await enqueueWebhookDeliveries(clip: clip, in: db, now: now)
    }

    /// The job for a clip, newest first.
    public func jobs(clip: Int64) async throws -> [Job] {
        try await database.run { db in
            try await db.select().columns(Job.columns).from("jobs").where("clip_id", .equal, clip)
                .orderBy("id", .descending).all().map(Job.init(row:))
        }
    }

    /// How many jobs are in each state: the queue's health at a glance.
    public func jobCounts() async throws -> [Job.State: Int] {
        try await database.run { db in
            var counts: [Job.State: Int] = [:]
            for row in try await db.raw("SELECT state, COUNT(*) AS n FROM jobs GROUP BY state").all() {
                guard let state = Job.State(rawValue: try row.decode(column: "state", as: String.self)) else { continue }
                counts[state] = try row.decode(column: "n", as: Int.self)
            }
            return counts
        }
    }
}
