import Foundation
import VouchStore

/// The anti-suppression report as JSON: the period, each rating's outcomes and share held
/// or rejected, and the detailed rows.
struct SuppressionReportBody: Encodable, Sendable {
    var from: Date
    var to: Date
    var byRating: [Line]
    var rows: [Row]

    struct Line: Encodable, Sendable {
        var rating: Int?
        var published: Int
        var held: Int
        var rejected: Int
        var suppressedShare: Double
    }

    struct Row: Encodable, Sendable {
        var platform: String
        var rating: Int?
        var outcome: String
        var reason: String
        var clips: Int
    }

    init(_ report: SuppressionReport) {
        from = report.from
        to = report.to
        byRating = report.byRating.map { Line(rating: $0.rating, published: $0.published, held: $0.held, rejected: $0.rejected, suppressedShare: $0.suppressedShare) }
        rows = report.rows.map { Row(platform: $0.platform, rating: $0.rating, outcome: $0.outcome.rawValue, reason: $0.reason, clips: $0.clips) }
    }
}
