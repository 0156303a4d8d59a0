import Foundation
import VouchStore

/// The anti-suppression report for moderators: for each star rating, how many reviews were
/// published, held and rejected and the share held or rejected, then the detail by
/// platform and reason, with the CSV to export.
struct SuppressionPage: Sendable {
    struct Line: Sendable {
        var rating: String
        var published: Int
        var held: Int
        var rejected: Int
        var share: String
    }

    struct Row: Sendable {
        var platform: String
        var rating: String
        var outcome: String
        var reason: String
        var clips: Int
    }

    var title = "Holds and rejections by rating"
    var moderator: ModeratorView
    var from: String
    var to: String
    var csv: String
    var lines: [Line]
    var rows: [Row]
    var isEmpty: Bool

    init(moderator: ModeratorView, report: SuppressionReport) {
        self.moderator = moderator
        let day = Date.ISO8601FormatStyle().year().month().day()
        from = report.from.formatted(day)
        to = report.to.formatted(day)
        csv = PageFormat.link("/moderate/reports/suppression", [("from", from), ("to", to), ("format", "csv")])
        let stars = { (rating: Int?) in rating.map { "\($0) ★" } ?? "no rating" }
        lines = report.byRating.map { Line(rating: stars($0.rating), published: $0.published, held: $0.held, rejected: $0.rejected,
                                           share: PageFormat.percent($0.suppressedShare)) }
        rows = report.rows.map { Row(platform: $0.platform, rating: stars($0.rating), outcome: $0.outcome == .flagged ? "held" : $0.outcome.rawValue,
                                     reason: $0.reason, clips: $0.clips) }
        isEmpty = report.rows.isEmpty
    }
}
