import Foundation
import VouchIdentity

/// One shopper's demand signal as a platform sends it.
public struct DemandEvent: Sendable, Equatable {
    /// The platform's id for the event: sending it again changes nothing.
    public var id: String
    public var account: String
    public var product: String
    public var kind: DemandKind
    public var at: Date
    public var quantity: Int

    public init(id: String, account: String, product: String, kind: DemandKind, at: Date, quantity: Int = 1) {
        self.id = id
        self.account = account
        self.product = product
        self.kind = kind
        self.at = at
        self.quantity = quantity
    }
}

/// A stored event, with the platform that sent it: the recomputation's input.
public struct StoredDemandEvent: Sendable, Equatable {
    public var platform: String
    public var account: String
    public var product: String
    public var kind: DemandKind
    public var at: Int64
    public var quantity: Int
}

/// A product's demand of one kind over a window, as last recomputed.
public struct DemandTotals: Sendable, Equatable {
    public var product: String
    public var kind: DemandKind
    public var tally: DemandTally

    public init(product: String, kind: DemandKind, tally: DemandTally) {
        self.product = product
        self.kind = kind
        self.tally = tally
    }
}

/// A coordinated burst of signals on one product, with its evidence.
public struct DemandAnomaly: Sendable, Equatable {
    public var product: String
    public var kind: DemandKind
    public var from: Date
    public var to: Date
    public var people: Int
    public var lowTrustPeople: Int
    /// Up to ten of the low-trust accounts, as `platform:account`.
    public var sample: [String]

    public init(product: String, kind: DemandKind, from: Date, to: Date, people: Int, lowTrustPeople: Int, sample: [String]) {
        self.product = product
        self.kind = kind
        self.from = from
        self.to = to
        self.people = people
        self.lowTrustPeople = lowTrustPeople
        self.sample = sample
    }
}

/// What one recomputation found for one window.
public struct DemandWindowResult: Sendable {
    public var days: Int
    public var totals: [DemandTotals]
    public var anomalies: [DemandAnomaly]

    public init(days: Int, totals: [DemandTotals], anomalies: [DemandAnomaly]) {
        self.days = days
        self.totals = totals
        self.anomalies = anomalies
    }
}

/// One day of a product's demand of one kind: the series a merchant's plot draws.
public struct DemandDay: Sendable, Equatable {
    public var product: String
    /// The day's start, UTC.
    public var day: Date
    public var kind: DemandKind
    public var raw: Int64
    public var trusted: Double

    public init(product: String, day: Date, kind: DemandKind, raw: Int64, trusted: Double) {
        self.product = product
        self.day = day
        self.kind = kind
        self.raw = raw
        self.trusted = trusted
    }
}

/// A product's community over the longest window, in the FAST model's terms: how many people
/// it reaches (and how many of them are trusted), and its core: trusted people who bought
/// more than once or reviewed it, with how active they were.
public struct DemandCommunity: Sendable, Equatable {
    public var product: String
    public var reach: Int
    public var trustedReach: Double
    public var core: Int
    public var coreSignals: Int64

    public init(product: String, reach: Int, trustedReach: Double, core: Int, coreSignals: Int64) {
        self.product = product
        self.reach = reach
        self.trustedReach = trustedReach
        self.core = core
        self.coreSignals = coreSignals
    }
}

/// A week of a product's published reviews: all of them beside those by trusted reviewers
/// (graph trust at least ½), with their mean authenticity scores.
public struct ReviewWeek: Sendable, Equatable {
    public var start: Date
    public var reviews: Int
    public var meanScore: Double?
    public var trustedReviews: Int
    public var trustedMeanScore: Double?
}
