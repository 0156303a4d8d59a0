import Foundation
import Hummingbird

/// The period a report covers, from `from` and `to` (ISO 8601 dates or times): by default
/// the 30 days up to now, at most 366 days, so one request cannot scan the whole store.
struct ReportPeriod: Equatable {
    var from: Date
    var to: Date

    static let longest: TimeInterval = 366 * 86_400

    init(_ request: Request, now: Date) throws(Problem) {
        let query = request.uri.queryParameters
        to = try Self.date(query["to"].map(String.init), name: "to") ?? now
        from = try Self.date(query["from"].map(String.init), name: "from") ?? to.addingTimeInterval(-30 * 86_400)
        guard from < to else { throw .badRequest("from must be before to") }
        guard to.timeIntervalSince(from) <= Self.longest else { throw .badRequest("a report covers at most 366 days; ask for several") }
    }

    private static func date(_ text: String?, name: String) throws(Problem) -> Date? {
        guard let text else { return nil }
        if let time = try? Date(text, strategy: .iso8601) { return time }
        if let day = try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day()) { return day }
        throw .badRequest("\(name) must be an ISO 8601 date or time, such as 2026-11-01 or 2026-11-01T00:00:00Z")
    }
}
