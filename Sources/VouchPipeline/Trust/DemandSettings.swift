import VouchIdentity

/// How shoppers' demand signals are weighed: `pipeline.demand` in `Config/vouch.json`.
/// `Docs/scoring.md` explains each figure.
public struct DemandSettings: Sendable, Codable, Equatable {
    /// The windows, in days, whose totals are kept (the API's `window=1d|7d|30d`).
    public var windowsDays = [1, 7, 30]
    /// Trust relative to the seeds' below which a person's signals count nothing.
    public var weightFloor = 0.05
    /// The most one person's signals of each kind count per product and window.
    public var capPerPerson: [String: Int32] = ["view": 1, "wishlist": 1, "cart": 3, "preorder": 3, "purchase": 5]
    /// A burst: at least `burstMinimumPeople` low-trust people (weight under
    /// `burstLowTrust`), making at least `burstMinimumLowTrustShare` of everyone who sent
    /// one product the same kind of signal within `burstSpanMinutes`.
    public var burstSpanMinutes = 10.0
    public var burstMinimumPeople = 25
    public var burstLowTrust = 0.1
    public var burstMinimumLowTrustShare = 0.8

    public init() {}

    var model: TrustedDemand {
        TrustedDemand(capPerPerson: Dictionary(uniqueKeysWithValues: capPerPerson.compactMap { key, cap in DemandKind(rawValue: key).map { ($0, cap) } }))
    }

    var bursts: DemandBurstDetector {
        DemandBurstDetector(spanMinutes: burstSpanMinutes, minimumPeople: burstMinimumPeople, lowTrust: burstLowTrust,
                            minimumLowTrustShare: burstMinimumLowTrustShare)
    }
}
