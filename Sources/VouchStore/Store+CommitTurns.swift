import SQLKit

/// How far into the store's index log a worker's matching looked: every change up to
/// `sequence`, and those in `alsoSeen` above it (a follower that has read past a gap).
public struct IndexPosition: Sendable, Equatable {
    public var sequence: Int64
    public var alsoSeen: Set<Int64>

    public init(sequence: Int64, alsoSeen: Set<Int64> = []) {
        self.sequence = sequence
        self.alsoSeen = alsoSeen
    }
}

/// What became of an attempt to commit an outcome matched up to an ``IndexPosition``.
public enum FinishAttempt: Sendable, Equatable {
    case committed
    /// Nothing was written: these clips were indexed after the position the outcome was
    /// matched against. Matched against them too, the outcome may commit from `position`.
    case indexedMeanwhile([Int64], position: IndexPosition)
}

extension Store {
    /// Waits for this transaction's turn to commit an analysed clip, held until it ends.
    ///
    /// SQLite's `BEGIN IMMEDIATE` already lets one writer in at a time; PostgreSQL takes
    /// a transaction-scoped advisory lock, so that every commit that indexes a clip,
    /// from any process, follows the last one and sees it.
    func takeCommitTurn(in db: any SQLDatabase) async throws {
        guard database.engine == .postgres else { return }
        try await db.raw("SELECT pg_advisory_xact_lock(\(literal: Self.commitTurnLock))").run()
    }

    /// The advisory lock's key: "vouch" in ASCII.
    static let commitTurnLock: Int64 = 0x76_6F_75_63_68

    /// Clips still in the index whose insertion into it came after `position`, besides
    /// `clip` itself, and the position that includes them.
    func indexedClips(after position: IndexPosition, except clip: Int64, in db: any SQLDatabase) async throws -> (clips: [Int64], position: IndexPosition) {
        let rows = try await db.select().column(SQLColumn("seq", table: "index_log")).column(SQLColumn("clip_id", table: "index_log"))
            .from("index_log").join("clips", on: SQLColumn("id", table: "clips"), .equal, SQLColumn("clip_id", table: "index_log"))
            .where(SQLColumn("seq", table: "index_log"), .greaterThan, SQLBind(position.sequence))
            .where(SQLColumn("change", table: "index_log"), .equal, SQLBind(IndexChange.Kind.insert.rawValue))
            .where(SQLColumn("in_index", table: "clips"), .equal, SQLBind(true))
            .orderBy(SQLColumn("seq", table: "index_log")).all()
        var clips: [Int64] = []
        var reached = position.sequence
        for row in rows {
            let sequence = try row.decode(column: "seq", as: Int64.self)
            let clipID = try row.decode(column: "clip_id", as: Int64.self)
            reached = max(reached, sequence)
            if !position.alsoSeen.contains(sequence), clipID != clip { clips.append(clipID) }
        }
        return (clips, IndexPosition(sequence: reached))
    }
}
