import VouchStore

/// The audit log, newest first, optionally for one subject (`clip:12`, `identity:3`, ...).
struct AuditPage: Sendable {
    struct Row: Sendable {
        var id: Int64
        var at: String
        var actor: String
        var action: String
        var subject: String
        var subjectLink: String?
        var details: [Detail]
    }

    struct Detail: Sendable {
        var name: String
        var value: String
    }

    var title = "Audit log"
    var moderator: ModeratorView
    var subject: String
    var isFiltered: Bool
    var rows: [Row]
    var isEmpty: Bool
    var olderLink: String?

    init(moderator: ModeratorView, entries: [AuditEntry], subject: String?, pageSize: Int) {
        self.moderator = moderator
        self.subject = subject ?? ""
        isFiltered = subject != nil
        rows = entries.map { entry in
            Row(id: entry.id, at: PageFormat.time(entry.at), actor: entry.actor, action: entry.action, subject: entry.subject,
                subjectLink: Self.link(for: entry.subject),
                details: entry.detail.sorted { $0.key < $1.key }.map { Detail(name: $0.key, value: $0.value) })
        }
        isEmpty = entries.isEmpty
        olderLink = entries.count == pageSize ? entries.last.map { PageFormat.link("/moderate/audit", [("subject", subject), ("before", "\($0.id)")]) } : nil
    }

    /// Clips link to their item page; other subjects filter the log.
    private static func link(for subject: String) -> String {
        if subject.hasPrefix("clip:"), let id = Int64(subject.dropFirst(5)) { return "/moderate/clips/\(id)" }
        return PageFormat.link("/moderate/audit", [("subject", subject)])
    }
}
