import Foundation
import SQLKit
import VouchModel

/// Which dead jobs an operator gives another chance.
public enum DeadJobSelection: Sendable, Equatable {
    case all
    case jobs([Int64])
    case clips([Int64])
}

extension Store {
    /// Dead jobs, newest first, with their last error: what `vouch jobs list` shows.
    public func deadJobs(limit: Int = 100) async throws -> [Job] {
        try await database.run { db in
            try await db.select().columns(Job.columns).from("jobs").where("state", .equal, Job.State.dead.rawValue)
                .orderBy("id", .descending).limit(limit).all().map(Job.init(row:))
        }
    }

    /// Queues the selected dead jobs again, due at once, with a fresh allowance of
    /// attempts (the attempt number keeps counting, so it still fences), their clips back
    /// to `received`, and an audit entry `job.retried` by `actor` for each.
    ///
    /// Only jobs whose upload is still in the spool can be retried: the others are left
    /// dead (a clip rejected for its own content had its upload deleted). Answers the
    /// jobs it queued.
    public func retryDeadJobs(_ selection: DeadJobSelection, actor: String) async throws -> [Job] {
        let now = nowMilliseconds
        let allowance = queue.maxAttempts
        return try await database.transaction { db in
            var update = db.update("jobs")
                .set("state", to: SQLBind(Job.State.queued.rawValue)).set("run_after", to: SQLBind(now))
                .set("max_attempts", to: SQLRaw("attempts + \(allowance)"))
                .set("finished_at", to: SQLLiteral.null).set("lease_owner", to: SQLLiteral.null).set("lease_expires_at", to: SQLLiteral.null)
                .where("state", .equal, Job.State.dead.rawValue)
                .where(SQLIdentifier("clip_id"), .in, SQLGroupExpression(
                    db.select().column("id").from("clips").where("spool_path", .isNot, SQLLiteral.null).query))
            switch selection {
            case .all: break
            case .jobs(let ids): update = update.where("id", .in, ids)
            case .clips(let ids): update = update.where("clip_id", .in, ids)
            }
            let retried = try await update.returning(Job.columns.map { SQLColumn($0) }).all().map(Job.init(row:))
            for job in retried {
                try await db.update("clips").set("status", to: SQLBind(ClipStatus.received.rawValue)).set("failure", to: SQLLiteral.null)
                    .set("updated_at", to: SQLBind(now)).where("id", .equal, job.clipID).run()
                try await appendAudit(db, actor: actor, action: "job.retried", subject: "clip:\(job.clipID)",
                                      detail: ["job": "\(job.id)", "lastError": job.lastError ?? ""])
            }
            return retried
        }
    }
}
