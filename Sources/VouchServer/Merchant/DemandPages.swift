import Foundation
import VouchIdentity
import VouchStore

/// A campaign as the merchant pages show it.
struct CampaignView: Sendable {
    var title: String
    var product: String
    var variant: String
    var trusted: String
    var raw: Int64
    var threshold: String
    /// 0–100, for the progress bar.
    var percent: Int
    var state: String

    init(_ campaign: Campaign, now: Date) {
        title = campaign.title
        product = campaign.product
        variant = campaign.variant
        trusted = String(format: "%.1f", campaign.trusted)
        raw = campaign.raw
        threshold = String(format: "%.0f", campaign.threshold)
        percent = Int(min(1, campaign.trusted / campaign.threshold) * 100)
        state = campaign.crossedAt.map { "reached \(PageFormat.time($0))" } ?? (campaign.isOpen(at: now) ? "open until \(PageFormat.time(campaign.closesAt))" : "closed")
    }
}

/// One product's demand of one kind, as both merchant pages' tables show it.
struct DemandRowView: Sendable {
    var product: String
    var link: String
    var kind: String
    var raw: Int64
    var trusted: String
    var people: Int
    var share: String

    init(_ totals: DemandTotals) {
        product = totals.product
        let segment = totals.product.addingPercentEncoding(withAllowedCharacters: .urlPathSegmentAllowed) ?? ""
        link = PageFormat.link("/moderate/demand/products/\(segment)", [("kind", totals.kind.rawValue)])
        kind = totals.kind.rawValue
        raw = totals.tally.raw
        trusted = String(format: "%.1f", totals.tally.trusted)
        people = totals.tally.people
        share = PageFormat.percent(totals.tally.trustedShare)
    }
}

/// `/moderate/demand`: the account's products, raw beside trusted, their communities and campaigns.
struct DemandOverviewPage: Sendable {
    struct Community: Sendable {
        var product: String
        var reach: Int
        var trustedReach: String
        /// People at each step of the funnel, and the share of the step before who took it.
        var steps: [Step]
        var core: Int
        var coreActivity: String
    }
    struct Step: Sendable {
        var name: String
        var people: Int
        /// The share of the step before who took this one; nil for the first step.
        var rate: String?
    }

    var title = "Trusted demand"
    var moderator: ModeratorView
    var window: String
    var windows: [OptionView]
    var rows: [DemandRowView]
    var isEmpty: Bool
    var communities: [Community]
    var campaigns: [CampaignView]
    var computed: String
    var scope: String
    var csvLink: String
    /// What the form for a new campaign offers.
    var campaignProducts: [OptionView]
    var freeProduct: Bool
    var platforms: [OptionView]

    init(moderator: ModeratorView, window: String, totals: [DemandTotals], communities: [DemandCommunity], reviewers: [String: Set<Int64>],
         campaigns: [Campaign], now: Date, computedAt: Date?, scoped: [String]?, platforms: [String]) {
        self.moderator = moderator
        self.window = window
        windows = ["1d", "7d", "30d"].map { OptionView(value: $0, label: $0, selected: $0 == window) }
        rows = totals.map(DemandRowView.init)
        isEmpty = totals.isEmpty
        let people = Dictionary(grouping: totals, by: \.product).mapValues { Dictionary(uniqueKeysWithValues: $0.map { ($0.kind, $0.tally.people) }) }
        self.communities = communities.map { community in
            let byKind = people[community.product] ?? [:]
            var steps: [Step] = []
            var previous: Int?
            for (name, count) in [("view", byKind[.view] ?? 0), ("wishlist", byKind[.wishlist] ?? 0), ("cart", byKind[.cart] ?? 0),
                                  ("purchase", byKind[.purchase] ?? 0), ("review", reviewers[community.product]?.count ?? 0)] {
                steps.append(Step(name: name, people: count, rate: previous.map { $0 > 0 ? PageFormat.percent(Double(count) / Double($0)) : "–" }))
                previous = count
            }
            return Community(product: community.product, reach: community.reach, trustedReach: String(format: "%.1f", community.trustedReach),
                             steps: steps, core: community.core,
                             coreActivity: community.core > 0 ? String(format: "%.1f", Double(community.coreSignals) / Double(community.core)) : "–")
        }
        self.campaigns = campaigns.map { CampaignView($0, now: now) }
        computed = computedAt.map(PageFormat.time) ?? "not yet"
        scope = scoped.map { $0.isEmpty ? "no products yet: ask an operator to assign them" : $0.joined(separator: ", ") } ?? "every product (admin)"
        csvLink = PageFormat.link("/moderate/demand.csv", [("window", window)])
        campaignProducts = (scoped ?? []).map { OptionView(value: $0, label: $0, selected: false) }
        freeProduct = scoped == nil
        self.platforms = platforms.map { OptionView(value: $0, label: $0, selected: false) }
    }
}

/// `/moderate/demand/products/{id}`: one product's daily plot, totals, bursts and campaigns.
struct DemandProductPage: Sendable {
    struct Burst: Sendable {
        var kind: String
        var when: String
        var people: Int
        var lowTrust: Int
        var sample: String
    }

    var title: String
    var moderator: ModeratorView
    var product: String
    var kind: String
    var kinds: [OptionView]
    var plot: String
    var rows: [DemandRowView]
    var bursts: [Burst]
    var hasBursts: Bool
    var campaigns: [CampaignView]
    var weeks: [Week]

    struct Week: Sendable {
        var start: String
        var reviews: Int
        var score: String
        var trustedReviews: Int
        var trustedScore: String
    }

    init(moderator: ModeratorView, product: String, kind: DemandKind, plot: String, totals: [DemandTotals], anomalies: [DemandAnomaly],
         campaigns: [Campaign], now: Date, reviewWeeks: [ReviewWeek]) {
        title = "Demand for \(product)"
        self.moderator = moderator
        self.product = product
        self.kind = kind.rawValue
        kinds = DemandKind.allCases.map { OptionView(value: $0.rawValue, label: $0.rawValue, selected: $0 == kind) }
        self.plot = plot
        rows = totals.map(DemandRowView.init)
        bursts = anomalies.map { Burst(kind: $0.kind.rawValue, when: "\(PageFormat.time($0.from)) – \(PageFormat.time($0.to))", people: $0.people,
                                       lowTrust: $0.lowTrustPeople, sample: $0.sample.joined(separator: ", ")) }
        hasBursts = !anomalies.isEmpty
        self.campaigns = campaigns.map { CampaignView($0, now: now) }
        weeks = reviewWeeks.map { Week(start: PageFormat.time($0.start), reviews: $0.reviews, score: PageFormat.score($0.meanScore),
                                       trustedReviews: $0.trustedReviews, trustedScore: PageFormat.score($0.trustedMeanScore)) }
    }
}
