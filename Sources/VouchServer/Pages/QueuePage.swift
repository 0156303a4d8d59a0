import VouchStore

/// The moderation queue: held clips, oldest first, filtered by flag kind and platform.
struct QueuePage: Sendable {
    struct Row: Sendable {
        var clipID: Int64
        var link: String
        var platform: String
        var product: String
        var reviewer: String
        var identityID: Int64
        var flags: [String]
        var verdict: String
        var score: String
        var received: String
    }

    var title = "Moderation queue"
    var moderator: ModeratorView
    var total: Int
    var rows: [Row]
    var isEmpty: Bool
    var kinds: [OptionView]
    var platforms: [OptionView]
    var nextLink: String?
    var notice: String?

    init(moderator: ModeratorView, page: ModerationQueuePage, facets: ModerationQueueFacets, filter: ModerationQueueFilter, notice: String?) {
        self.moderator = moderator
        total = page.total
        rows = page.entries.map { entry in
            Row(clipID: entry.clipID, link: "/moderate/clips/\(entry.clipID)", platform: entry.platformID, product: entry.productID,
                reviewer: entry.reviewerAccount, identityID: entry.identityID, flags: entry.flagKinds.map(\.rawValue), verdict: entry.verdict?.rawValue ?? "–",
                score: PageFormat.score(entry.score), received: PageFormat.time(entry.createdAt))
        }
        isEmpty = page.entries.isEmpty
        kinds = Self.options(facets.flagKinds.map(\.rawValue), selected: filter.flagKind?.rawValue)
        platforms = Self.options(facets.platforms, selected: filter.platform)
        nextLink = page.nextAfter.map { after in
            PageFormat.link("/moderate", [("kind", filter.flagKind?.rawValue), ("platform", filter.platform), ("after", "\(after)")])
        }
        self.notice = notice
    }

    /// The known values, plus the selected one if it is not among them, so a filter never silently vanishes.
    private static func options(_ values: [String], selected: String?) -> [OptionView] {
        let all = values.contains(selected ?? "") || selected == nil ? values : values + [selected!]
        return all.map { OptionView(value: $0, label: $0, selected: $0 == selected) }
    }
}
