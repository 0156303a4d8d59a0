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
        try await store.replaceDemand(results)
        for campaign in campaigns {
            let window = campaign.opensAt.storeMilliseconds..<campaign.closesAt.storeMilliseconds
            let intent = signals.filter { $0.kind == .preorder && window.contains($0.at) && productNumbers[campaign.product] == $0.product }
            let tally = model.tally(intent, weights: weights).values.first ?? DemandTally()
            try await store.recordIntent(campaign: campaign.id, raw: tally.raw, trusted: tally.trusted, people: tally.people)
        }
    }
}
