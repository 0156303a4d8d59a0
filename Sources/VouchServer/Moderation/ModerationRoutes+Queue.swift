import Hummingbird
import VouchModel
import VouchStore

extension ModerationRoutes {
    /// `GET /moderate?kind=&platform=&after=`: held clips, oldest first.
    func queue(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let (_, view) = try signedIn(context)
        let query = request.uri.queryParameters
        let filter = ModerationQueueFilter(flagKind: Self.nonEmpty(query["kind"]).map(FlagKind.init(rawValue:)), platform: Self.nonEmpty(query["platform"]))
        let after = query["after"].flatMap { Int64($0) } ?? 0
        let page = try await store.moderationQueue(filter, after: after, limit: Self.queuePageSize)
        var notice: String?
        if let clip = query["decided"].flatMap({ Int64($0) }), let action = query["action"].flatMap({ ModerationAction(rawValue: String($0)) }) {
            notice = "Recorded: \(action.rawValue) for clip \(clip)."
        }
        return try pages.render(QueuePage(moderator: view, page: page, facets: try await store.moderationQueueFacets(), filter: filter, notice: notice),
                                template: "queue")
    }

    /// `GET /moderate/audit?subject=&before=`: the audit log, newest first.
    func audit(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let (_, view) = try signedIn(context)
        let query = request.uri.queryParameters
        let subject = Self.nonEmpty(query["subject"])
        let before = query["before"].flatMap { Int64($0) }
        let entries = try await store.auditLog(subject: subject, limit: Self.auditPageSize, before: before)
        return try pages.render(AuditPage(moderator: view, entries: entries, subject: subject, pageSize: Self.auditPageSize), template: "audit")
    }

    static func nonEmpty(_ value: Substring?) -> String? {
        guard let value, !value.isEmpty, value.count <= 200 else { return nil }
        return String(value)
    }
}
