import Foundation
import Hummingbird
import VouchIdentity
import VouchStore

/// `POST /v1/signals`: fields are optional here so that each missing one is named in the
/// event's refusal rather than failing the whole batch.
struct SignalBatch: Decodable {
    struct Event: Decodable {
        var id: String?
        var account: String?
        var product: String?
        var kind: String?
        var at: String?
        var quantity: Int?
    }
    var events: [Event]
}

/// The answer to `POST /v1/signals`: 200 when every event was taken, 207 when some were refused.
struct SignalResult: Encodable {
    struct Refusal: Encodable {
        var index: Int
        var id: String?
        var detail: String
    }
    var accepted: Int
    /// Ids the platform had sent before; left as they were.
    var duplicates: [String]
    var rejected: [Refusal]
}

/// A product's demand over a window, raw beside trusted, with the bursts found.
struct ProductDemandBody: Encodable {
    struct Kind: Encodable {
        var kind: DemandKind
        var raw: Int64
        var trusted: Double
        var people: Int
        var trustedPeople: Double
        var trustedShare: Double

        init(_ totals: DemandTotals) {
            kind = totals.kind
            raw = totals.tally.raw
            trusted = (totals.tally.trusted * 100).rounded() / 100
            people = totals.tally.people
            trustedPeople = (totals.tally.trustedPeople * 100).rounded() / 100
            trustedShare = (totals.tally.trustedShare * 1000).rounded() / 1000
        }
    }
    struct Anomaly: Encodable {
        var kind: DemandKind
        var from: Date
        var to: Date
        var people: Int
        var lowTrustPeople: Int
        var sample: [String]
        var detail: String

        init(_ anomaly: DemandAnomaly) {
            kind = anomaly.kind
            from = anomaly.from
            to = anomaly.to
            people = anomaly.people
            lowTrustPeople = anomaly.lowTrustPeople
            sample = anomaly.sample
            let minutes = Int((anomaly.to.timeIntervalSince(anomaly.from) / 60).rounded(.up))
            detail = "\(anomaly.lowTrustPeople) of \(anomaly.people) people sending '\(anomaly.kind.rawValue)' within \(max(minutes, 1)) minutes had little or no trust: their signals are not counted as trusted demand"
        }
    }
    var product: String
    var window: String
    var computedAt: Date?
    var kinds: [Kind]
    var anomalies: [Anomaly]
}

/// Products ranked by demand of one kind.
struct DemandRankingBody: Encodable {
    struct Entry: Encodable {
        var product: String
        var raw: Int64
        var trusted: Double
        var people: Int
        var trustedShare: Double

        init(_ totals: DemandTotals) {
            let kind = ProductDemandBody.Kind(totals)
            product = totals.product
            raw = kind.raw
            trusted = kind.trusted
            people = kind.people
            trustedShare = kind.trustedShare
        }
    }
    var kind: DemandKind
    var window: String
    var by: String
    var computedAt: Date?
    var products: [Entry]
}
