import Foundation
import SQLKit
import VouchModel

extension Store {
    /// How the clips submitted in `from ..< to` (of `platform`, or of all) ended, by star
    /// rating, outcome and reason. Clips still in the pipeline, failed or erased are left out.
    public func suppressionReport(from: Date, to: Date, platform: String? = nil) async throws -> SuppressionReport {
        let outcomes = [ClipStatus.published, .flagged, .rejected].map(\.rawValue)
        return try await database.run { db in
            let onlyPlatform: SQLQueryString = platform.map { " AND c.platform_id = \(bind: $0)" } ?? ""
            let range: SQLQueryString = "c.created_at >= \(bind: from.storeMilliseconds) AND c.created_at < \(bind: to.storeMilliseconds)"
            let rows = try await db.raw("""
                SELECT c.platform_id, c.rating, c.status, COALESCE(f.kind, 'none') AS reason, COUNT(*) AS clips
                FROM clips c LEFT JOIN clip_flags f ON f.clip_id = c.id AND c.status <> \(bind: ClipStatus.published.rawValue)
                WHERE \(range) AND c.status IN (\(binds: outcomes))\(onlyPlatform)
                GROUP BY c.platform_id, c.rating, c.status, COALESCE(f.kind, 'none')
                ORDER BY c.platform_id, c.rating, c.status, reason
                """).all().map { row in
                    SuppressionReport.Row(platform: try row.decode(column: "platform_id", as: String.self),
                                          rating: try row.decode(column: "rating", as: Int?.self),
                                          outcome: try ClipStatus(stored: row.decode(column: "status", as: String.self), clip: 0),
                                          reason: try row.decode(column: "reason", as: String.self),
                                          clips: try row.decode(column: "clips", as: Int.self))
                }
            let lines = try await db.raw("""
                SELECT c.rating, c.status, COUNT(*) AS clips FROM clips c
                WHERE \(range) AND c.status IN (\(binds: outcomes))\(onlyPlatform)
                GROUP BY c.rating, c.status
                """).all()
            var byRating: [Int?: SuppressionReport.RatingLine] = [:]
            for row in lines {
                let rating = try row.decode(column: "rating", as: Int?.self)
                let clips = try row.decode(column: "clips", as: Int.self)
                var line = byRating[rating] ?? SuppressionReport.RatingLine(rating: rating, published: 0, held: 0, rejected: 0)
                switch try row.decode(column: "status", as: String.self) {
                case ClipStatus.published.rawValue: line.published += clips
                case ClipStatus.flagged.rawValue: line.held += clips
                default: line.rejected += clips
                }
                byRating[rating] = line
            }
            let ordered = byRating.values.sorted { ($0.rating ?? 0) > ($1.rating ?? 0) }
            return SuppressionReport(from: from, to: to, rows: rows, byRating: ordered)
        }
    }
}
