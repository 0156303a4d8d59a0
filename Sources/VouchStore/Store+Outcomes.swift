import Foundation
import SQLKit
import VouchModel

extension Store {
    /// Commits a job's outcome: the clip's verdict and evidence, its place in the index,
    /// its entry in the review log when it is published, the webhook deliveries it raises, and the job's completion, together. If the job's lease passed to another worker,
    /// nothing is written and ``StoreError/leaseLost(job:worker:)`` is thrown.
    public func finish(_ job: Job, with outcome: ClipOutcome) async throws {
        let now = nowMilliseconds
        try await database.transaction { db in
            try await takeCommitTurn(in: db)
            try await write(outcome, of: job, in: db, now: now)
        }
    }

    /// Commits a job's outcome as ``finish(_:with:)`` does, unless clips were indexed after
    /// `position`, the index the outcome was matched against: then nothing is written and
    /// the attempt names them, to be matched before trying again. Commits take turns, so
    /// of two copies finished at the same moment the second always learns of the first.
    public func finish(_ job: Job, with outcome: ClipOutcome, matchedUpTo position: IndexPosition) async throws -> FinishAttempt {
        let now = nowMilliseconds
        return try await database.transaction { db in
            try await takeCommitTurn(in: db)
            let unseen = try await indexedClips(after: position, except: job.clipID, in: db)
            guard unseen.clips.isEmpty else { return .indexedMeanwhile(unseen.clips, position: unseen.position) }
            try await write(outcome, of: job, in: db, now: now)
            return .committed
        }
    }

    private func write(_ outcome: ClipOutcome, of job: Job, in db: any SQLDatabase, now: Int64) async throws {
        let indexed = outcome.fingerprint != nil && outcome.status != .rejected && outcome.status != .failed
        try await completeJob(job, in: db, now: now)
        try await db.update("clips")
            .set("status", to: SQLBind(outcome.status.rawValue)).set("verdict", to: SQLBind(outcome.explanation.verdict.rawValue))
            .set("score", to: SQLBind(outcome.explanation.parts.score))
            .set("explanation", to: SQLBind(try StoredJSON.text(of: outcome.explanation)))
            .set("probe", to: SQLBind(outcome.probe)).set("fingerprint", to: SQLBind(outcome.fingerprint))
            .set("in_index", to: SQLBind(indexed)).set("failure", to: SQLLiteral.null).set("updated_at", to: SQLBind(now))
            .set("provenance", to: SQLBind(try outcome.provenance.map(StoredJSON.text(of:))))
            .set("original_key", to: SQLBind(outcome.media?.originalKey)).set("rendition_key", to: SQLBind(outcome.media?.renditionKey))
            .set("poster_key", to: SQLBind(outcome.media?.posterKey))
            .where("id", .equal, job.clipID).run()
        for flag in outcome.flags {
            try await db.insert(into: "clip_flags").columns("clip_id", "kind", "detail", "evidence", "created_at")
                .values(SQLBind(job.clipID), SQLBind(flag.kind.rawValue), SQLBind(flag.detail), SQLBind(flag.evidence), SQLBind(now)).run()
        }
        for match in outcome.matches {
            try await db.insert(into: "matches").columns("clip_id", "matched_clip_id", "score", "alignment", "common_content_only", "created_at")
                .values(SQLBind(job.clipID), SQLBind(match.matchedClipID), SQLBind(match.score), SQLBind(match.alignment),
                        SQLBind(match.commonContentOnly), SQLBind(now))
                .ignoringConflicts(with: ["clip_id", "matched_clip_id"]).run()
        }
        for image in outcome.thumbnails {
            try await db.insert(into: "thumbnails").columns("clip_id", "position", "timestamp", "jpeg")
                .values(SQLBind(job.clipID), SQLBind(image.position), SQLBind(image.timestamp), SQLBind(image.jpeg))
                .ignoringConflicts(with: ["clip_id", "position"]).run()
        }
        if indexed {
            try await appendIndexChange(.insert, clip: job.clipID, in: db, now: now)
        }
        if outcome.status == .published {
            try await logChange(of: job.clipID, .published, in: db, now: now)
        }
        try await enqueueWebhookDeliveries(clip: job.clipID, in: db, now: now)
        try await appendAudit(db, actor: "worker:\(job.leaseOwner ?? "")", action: "clip.\(outcome.status.rawValue)", subject: "clip:\(job.clipID)",
                              detail: ["verdict": outcome.explanation.verdict.rawValue, "score": String(format: "%.3f", outcome.explanation.parts.score), "attempt": "\(job.attempts)"])
    }

    /// The clip with row id `id`.
    public func clip(id: Int64) async throws -> ClipRecord? {
        try await database.run { db in
            try await db.select().columns(ClipRecord.columns).from("clips").where("id", .equal, id).first().map(ClipRecord.init(row:))
        }
    }

    /// Forgets where a clip's upload was spooled, once the file is gone.
    public func clearSpool(clip id: Int64) async throws {
        try await database.run { db in
            try await db.update("clips").set("spool_path", to: SQLLiteral.null).where("id", .equal, id).run()
        }
    }

    public func flags(clip id: Int64) async throws -> [ClipFlag] {
        try await database.run { db in
            try await db.select().columns("kind", "detail", "evidence").from("clip_flags").where("clip_id", .equal, id)
                .orderBy("id").all(decoding: ClipFlag.self)
        }
    }

    public func matches(clip id: Int64) async throws -> [ClipMatch] {
        try await database.run { db in
            try await db.select().columns("matched_clip_id", "score", "alignment", "common_content_only").from("matches").where("clip_id", .equal, id)
                .orderBy("score", .descending).all(decoding: ClipMatch.self, with: .snakeCaseColumns)
        }
    }

    public func thumbnails(clip id: Int64) async throws -> [KeyframeImage] {
        try await database.run { db in
            try await db.select().columns("position", "timestamp", "jpeg").from("thumbnails").where("clip_id", .equal, id)
                .orderBy("position").all(decoding: KeyframeImage.self)
        }
    }

    /// The stored binary fingerprint of a clip, if it has one.
    public func fingerprint(clip id: Int64) async throws -> Data? {
        try await database.run { db in
            try await db.select().column("fingerprint").from("clips").where("id", .equal, id).first()
                .flatMap { try $0.decode(column: "fingerprint", as: Data?.self) }
        }
    }
}
