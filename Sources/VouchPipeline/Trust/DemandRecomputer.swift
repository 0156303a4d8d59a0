import Foundation
import VouchIdentity
import VouchStore

/// Turns the stored demand signals into raw and trusted totals per window, product and
/// kind, and finds coordinated bursts, from the graph trust the same recomputation found:
/// one person across platforms counts once (their accounts share an identity's node),
/// banned people and ring members count nothing, and accounts the graph does not know,
/// which no trust reached, count nothing either. Open campaigns' intent is recounted too.
struct DemandRecomputer: Sendable {
    let store: Store
    let settings: DemandSettings

    func recompute(graph: StoredGraph, scores: [Double], seeds: [Int]) async throws {
        let now = store.clock.now()
        let longest = settings.windowsDays.max() ?? 30
        let campaigns = try await store.campaigns().filter { $0.opensAt <= now && (now < $0.closesAt || $0.closesAt > now.addingTimeInterval(-86_400)) }
        let since = ([now.addingTimeInterval(-Double(longest) * 86_400)] + campaigns.map(\.opensAt)).min()!
        let events = try await store.demandEvents(since: since)
        let excluded = try await store.demandExcludedIdentities()
        let excludedNodes = Set(graph.identityOfNode.indices.filter { graph.identityOfNode[$0].map(excluded.contains) ?? false })
        var weights = DemandWeights.weights(scores: scores, seeds: seeds, floor: settings.weightFloor, excluded: excludedNodes)

        var products: [String] = [], productNumbers: [String: Int32] = [:]
        var strangers: [String: Int32] = [:], accountOfPerson: [Int32: String] = [:]
        let signals = events.map { event -> DemandSignal in
            let person = graph.node(platform: event.platform, account: event.account) ?? {
                let key = "\(event.platform)\u{0}\(event.account)"
                if let known = strangers[key] { return known }
                let fresh = Int32(weights.count)
                weights.append(0)
                strangers[key] = fresh
                return fresh
            }()
            if accountOfPerson[person] == nil { accountOfPerson[person] = "\(event.platform):\(event.account)" }
            let product = productNumbers[event.product] ?? {
                products.append(event.product)
                productNumbers[event.product] = Int32(products.count - 1)
                return Int32(products.count - 1)
            }()
            return DemandSignal(person: person, product: product, kind: event.kind, at: event.at, quantity: Int32(clamping: event.quantity))
        }

        let model = settings.model, detector = settings.bursts
        let results = settings.windowsDays.map { days -> DemandWindowResult in
            let since = now.addingTimeInterval(-Double(days) * 86_400).storeMilliseconds
            let inWindow = signals.filter { $0.at >= since }
            let totals = model.tally(inWindow, weights: weights).map { key, tally in
                DemandTotals(product: products[Int(key.product)], kind: key.kind, tally: tally)
            }
            let anomalies = detector.bursts(in: inWindow, weights: weights).map { burst in
                DemandAnomaly(product: products[Int(burst.product)], kind: burst.kind,
                              from: Date(storeMilliseconds: burst.from), to: Date(storeMilliseconds: burst.to), people: burst.people,
                              lowTrustPeople: burst.lowTrustPeople, sample: burst.sample.compactMap { accountOfPerson[$0] })
            }
            return DemandWindowResult(days: days, totals: totals, anomalies: anomalies)
        }
        let window30 = signals.filter { $0.at >= now.addingTimeInterval(-Double(longest) * 86_400).storeMilliseconds }
        let reviewers = try await store.reviewingIdentities()
        let community = Self.communities(window30, weights: weights, products: products, reviewers: { product in
            Set((reviewers[products[Int(product)]] ?? []).compactMap { identity in graph.identityNode(identity) })
        })
        try await store.replaceDemand(results, daily: Self.days(window30, model: model, weights: weights, products: products), community: community)
        for campaign in campaigns {
            let window = campaign.opensAt.storeMilliseconds..<campaign.closesAt.storeMilliseconds
            let intent = signals.filter { $0.kind == .preorder && window.contains($0.at) && productNumbers[campaign.product] == $0.product }
            let tally = model.tally(intent, weights: weights).values.first ?? DemandTally()
            try await store.recordIntent(campaign: campaign.id, raw: tally.raw, trusted: tally.trusted, people: tally.people)
        }
    }

    /// Each product's demand per UTC day and kind, each person capped per day.
    static func days(_ signals: [DemandSignal], model: TrustedDemand, weights: [Double], products: [String]) -> [DemandDay] {
        let day: Int64 = 86_400_000
        return Dictionary(grouping: signals) { $0.at / day }.flatMap { start, signals in
            model.tally(signals, weights: weights).map { key, tally in
                DemandDay(product: products[Int(key.product)], day: Date(storeMilliseconds: start * day), kind: key.kind,
                          raw: tally.raw, trusted: tally.trusted)
            }
        }
    }

    /// Each product's reach and core: trusted people (weight at least ½) who bought it more
    /// than once or reviewed it, and how many signals they sent.
    static func communities(_ signals: [DemandSignal], weights: [Double], products: [String],
                            reviewers: (Int32) -> Set<Int32>) -> [DemandCommunity] {
        Dictionary(grouping: signals, by: \.product).map { product, signals in
            let byPerson = Dictionary(grouping: signals, by: \.person)
            let reviewed = reviewers(product)
            let core = byPerson.filter { person, signals in
                let weight = Int(person) < weights.count ? weights[Int(person)] : 0
                let purchases = signals.filter { $0.kind == .purchase }.reduce(0) { $0 + Int($1.quantity) }
                return weight >= 0.5 && (purchases >= 2 || reviewed.contains(person))
            }
            return DemandCommunity(product: products[Int(product)], reach: byPerson.count,
                                   trustedReach: byPerson.keys.reduce(0) { $0 + (Int($1) < weights.count ? weights[Int($1)] : 0) },
                                   core: core.count, coreSignals: Int64(core.values.reduce(0) { $0 + $1.count }))
        }
    }
}
