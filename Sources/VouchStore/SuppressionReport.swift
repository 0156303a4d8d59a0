import Foundation
import VouchModel

/// How reviews fared by star rating over a period: the evidence an operator needs to show
/// that low ratings are not held or rejected more than high ones (the FTC rule on reviews,
/// 16 CFR 465.7, forbids suppressing reviews for their rating).
public struct SuppressionReport: Sendable, Equatable {
    /// One count: clips of `platform` with `rating` stars (nil: no rating) that ended
    /// `outcome` for `reason` (a flag kind, or `none`). A clip with several flags counts
    /// once under each.
    public struct Row: Sendable, Equatable {
        public var platform: String
        public var rating: Int?
        public var outcome: ClipStatus
        public var reason: String
        public var clips: Int

        public init(platform: String, rating: Int?, outcome: ClipStatus, reason: String, clips: Int) {
            self.platform = platform
            self.rating = rating
            self.outcome = outcome
            self.reason = reason
            self.clips = clips
        }
    }

    /// Clips by rating and how they ended, each clip once.
    public struct RatingLine: Sendable, Equatable {
        public var rating: Int?
        public var published: Int
        public var held: Int
        public var rejected: Int

        public var total: Int { published + held + rejected }
        /// The share of the rating's clips held or rejected.
        public var suppressedShare: Double { total == 0 ? 0 : Double(held + rejected) / Double(total) }
    }

    public var from: Date
    public var to: Date
    public var rows: [Row]
    public var byRating: [RatingLine]

    public init(from: Date, to: Date, rows: [Row], byRating: [RatingLine]) {
        self.from = from
        self.to = to
        self.rows = rows
        self.byRating = byRating
    }

    /// The rows as CSV (RFC 4180): `platform,rating,outcome,reason,clips`.
    public var csv: String {
        var lines = ["platform,rating,outcome,reason,clips"]
        for row in rows {
            lines.append([row.platform, row.rating.map(String.init) ?? "", row.outcome.rawValue, row.reason, "\(row.clips)"].map(Self.field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A CSV field, quoted when it must be; a leading `=`, `+`, `-` or `@` is prefixed with
    /// a quote mark so a spreadsheet never runs a platform id as a formula.
    private static func field(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
