import Foundation
import SQLKit

extension Store {
    /// Puts an excerpt in the common-content bank, with an audit entry.
    @discardableResult
    public func addCommonContent(_ fingerprint: Data, seconds: Double, source: CommonContentEntry.Source, addedBy: String,
                                 reason: String, seenIn clips: [Int64]) async throws -> CommonContentEntry {
        let now = nowMilliseconds
        let seenIn = clips.map(String.init).joined(separator: ",")
        return try await database.transaction { db in
            guard let row = try await db.insert(into: "common_content")
                .columns("fingerprint", "seconds", "source", "added_by", "reason", "seen_in", "created_at")
                .values(SQLBind(fingerprint), SQLBind(seconds), SQLBind(source.rawValue), SQLBind(addedBy), SQLBind(reason), SQLBind(seenIn), SQLBind(now))
                .returning("id").first()
            else { throw StoreError.corruptRecord("new common content") }
            let id = try row.decode(column: "id", as: Int64.self)
            try await appendAudit(db, actor: Self.actor(addedBy, source), action: "common-content.added", subject: "common-content:\(id)",
                                  detail: ["source": source.rawValue, "seconds": String(format: "%.1f", seconds), "reason": reason, "seenIn": seenIn])
            return CommonContentEntry(id: id, fingerprint: fingerprint, seconds: seconds, source: source, addedBy: addedBy, reason: reason,
                                      seenIn: clips, createdAt: Date(storeMilliseconds: now))
        }
    }

    /// The whole bank, oldest first.
    public func commonContent() async throws -> [CommonContentEntry] {
        try await database.run { db in
            try await db.select().columns("id", "fingerprint", "seconds", "source", "added_by", "reason", "seen_in", "created_at")
                .from("common_content").orderBy("id").all().map(Self.commonContentEntry(row:))
        }
    }

    /// Takes an entry out of the bank, with an audit entry naming the moderator and why;
    /// false when there is no such entry. Clips it released stay published.
    @discardableResult
    public func removeCommonContent(id: Int64, moderator: String, reason: String) async throws -> Bool {
        try await database.transaction { db in
            guard try await db.delete(from: "common_content").where("id", .equal, id).returning("id").first() != nil else { return false }
            try await appendAudit(db, actor: "moderator:\(moderator)", action: "common-content.removed", subject: "common-content:\(id)",
                                  detail: ["reason": reason])
            return true
        }
    }

    private static func actor(_ name: String, _ source: CommonContentEntry.Source) -> String {
        source == .moderator ? "moderator:\(name)" : name
    }

    private static func commonContentEntry(row: any SQLRow) throws -> CommonContentEntry {
        guard let source = CommonContentEntry.Source(rawValue: try row.decode(column: "source", as: String.self)) else {
            throw StoreError.corruptRecord("source of common content")
        }
        return CommonContentEntry(
            id: try row.decode(column: "id", as: Int64.self), fingerprint: try row.decode(column: "fingerprint", as: Data.self),
            seconds: try row.decode(column: "seconds", as: Double.self), source: source,
            addedBy: try row.decode(column: "added_by", as: String.self), reason: try row.decode(column: "reason", as: String.self),
            seenIn: try row.decode(column: "seen_in", as: String.self).split(separator: ",").compactMap { Int64($0) },
            createdAt: Date(storeMilliseconds: try row.decode(column: "created_at", as: Int64.self)))
    }
}
