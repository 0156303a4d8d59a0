import SQLKit
import VouchModel

/// The SQL that picks a ranking's reviews: which clips (the product's published ones, in
/// the shop's scope, through the query's filters) and, for ``ReviewQuery/Sort/known``,
/// which of their reviewers the viewer relates to. Shared by the ranking's pages and by
/// the product's rating summary, so both count the same reviews.
struct ReviewSelection {
    let product: String
    let query: ReviewQuery

    /// `FROM clips c JOIN reviewers r … WHERE …`, without paging.
    var fromWhere: SQLQueryString {
        "FROM clips c JOIN reviewers r ON r.id = c.reviewer_id JOIN platforms pl ON pl.id = c.platform_id WHERE c.status = \(bind: ClipStatus.published.rawValue) AND "
            + products + filters
    }

    /// The clips of the product: under its id alone, or in a shop's scope its own platform's
    /// under any of the same products' ids, and other platforms' that share them when the shop
    /// shows syndicated reviews, except where its own platform has a review by the same person.
    private var products: SQLQueryString {
        guard let scope = query.scope else { return "c.product_id = \(bind: product)" }
        let ids: SQLQueryString = "c.product_id IN (\(binds: scope.products))"
        guard scope.showsSyndicated else { return ids + " AND c.platform_id = \(bind: scope.platform)" }
        return ids + """
             AND (c.platform_id = \(bind: scope.platform) OR (
               c.platform_id NOT IN (SELECT platform_id FROM platform_syndication WHERE NOT shares_reviews)
               AND NOT EXISTS (SELECT 1 FROM clips o JOIN reviewers ro ON ro.id = o.reviewer_id
                               WHERE o.platform_id = \(bind: scope.platform) AND o.product_id IN (\(binds: scope.products))
                                 AND o.status = \(bind: ClipStatus.published.rawValue) AND ro.identity_id = r.identity_id)))
            """
    }

    private var filters: SQLQueryString {
        var filters: SQLQueryString = ""
        if let rating = query.rating { filters = filters + " AND c.rating = \(bind: rating)" }
        if let verified = query.verifiedPurchase { filters = filters + " AND c.verified_purchase = \(bind: verified)" }
        if let withVideo = query.withVideo { filters = filters + (withVideo ? " AND c.rendition_key IS NOT NULL" : " AND c.rendition_key IS NULL") }
        return filters
    }

    /// Whether the viewer relates to the clip's reviewer: the reviewer has an account, on
    /// the viewer's platform, that the viewer or one of the viewer's contacts follows,
    /// vouches for or is friends with (``PersonalTrust``'s two steps). False without a viewer.
    var known: SQLQueryString {
        guard query.sort == .known, let viewer = query.viewer else { return "(1 = 0)" }
        let platform = viewer.platformID
        let contacts: SQLQueryString = """
            SELECT target_account FROM social_edges WHERE platform_id = \(bind: platform) AND source_account = \(bind: viewer.account)
            UNION ALL SELECT source_account FROM social_edges WHERE platform_id = \(bind: platform) AND target_account = \(bind: viewer.account) AND kind = 'friend'
            """
        // UNION ALL, never UNION: SQLite merges a UNION in order, planned as a scan of the platform's edges.
        return """
            (r.identity_id IN (SELECT k.identity_id FROM reviewers k WHERE k.platform_id = \(bind: platform) AND k.account <> \(bind: viewer.account) AND k.account IN (
                \(contacts)
                UNION ALL SELECT target_account FROM social_edges WHERE platform_id = \(bind: platform) AND source_account IN (\(contacts))
                UNION ALL SELECT source_account FROM social_edges WHERE platform_id = \(bind: platform) AND kind = 'friend' AND target_account IN (\(contacts)))))
            """
    }

    var order: SQLQueryString {
        switch query.sort {
        case .authenticity: "c.score DESC, c.id DESC"
        case .newest: "c.id DESC"
        case .rating: "COALESCE(c.rating, 0) DESC, c.score DESC, c.id DESC"
        case .known: "known DESC, c.score DESC, c.id DESC"
        }
    }

    /// The reviews after `position` in the query's order.
    func after(_ position: RankingPosition?) -> SQLQueryString {
        guard let position else { return "" }
        let byScore: SQLQueryString = "(c.score < \(bind: position.score) OR (c.score = \(bind: position.score) AND c.id < \(bind: position.clipID)))"
        switch query.sort {
        case .authenticity:
            return " AND " + byScore
        case .newest:
            return " AND c.id < \(bind: position.clipID)"
        case .rating:
            return " AND (COALESCE(c.rating, 0) < \(bind: position.rating) OR (COALESCE(c.rating, 0) = \(bind: position.rating) AND " + byScore + "))"
        case .known:
            // Past the known reviewers, only unknown ones remain; among known ones, compare scores.
            return position.known ? " AND (NOT " + known + " OR " + byScore + ")" : " AND NOT " + known + " AND " + byScore
        }
    }
}
