import Foundation
import SQLKit
import VouchEncoding

/// One line of the append-only audit log: who did what to which subject, and when.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var id: Int64
    public var at: Date
    /// `platform:<id>`, `moderator:<name>`, `operator:<name>`, `worker:<id>` or `system`.
    public var actor: String
    /// A dotted verb: `clip.submitted`, `clip.published`, `moderation.reject`, ...
    public var action: String
    /// What it was done to: `clip:<id>`, `identity:<id>`, ...
    public var subject: String
    public var detail: [String: String]

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        at = Date(storeMilliseconds: try row.decode(column: "at", as: Int64.self))
        actor = try row.decode(column: "actor", as: String.self)
        action = try row.decode(column: "action", as: String.self)
        subject = try row.decode(column: "subject", as: String.self)
        let text = try row.decode(column: "detail", as: String.self)
        detail = (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}

/// The people the audit log names (`moderator:<name>`, `operator:<name>`): names are kept
/// short and plain, so an entry reads unambiguously.
public enum AuditName {
    public static func isValid(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }
}

extension Store {
    /// Appends an entry inside the caller's transaction.
    func appendAudit(_ db: any SQLDatabase, actor: String, action: String, subject: String, detail: [String: String] = [:]) async throws {
        let text = try JSONEncoder.sortedKeys.text(of: detail)
        try await db.insert(into: "audit_log")
            .columns("at", "actor", "action", "subject", "detail")
            .values(SQLBind(nowMilliseconds), SQLBind(actor), SQLBind(action), SQLBind(subject), SQLBind(text))
            .run()
    }

    /// The newest entries first, optionally for one subject.
    public func auditLog(subject: String? = nil, limit: Int = 100, before: Int64? = nil) async throws -> [AuditEntry] {
        try await database.run { db in
            var query = db.select().columns("id", "at", "actor", "action", "subject", "detail").from("audit_log")
            if let subject { query = query.where("subject", .equal, subject) }
            if let before { query = query.where("id", .lessThan, before) }
            return try await query.orderBy("id", .descending).limit(limit).all().map(AuditEntry.init(row:))
        }
    }
}
