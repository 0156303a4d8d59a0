/// Finds coordinated pushes: many low-trust people sending the same product the same kind
/// of signal within minutes, which is what a bot farm's cart or wishlist campaign looks
/// like and what organic demand, spread over people of every trust, does not.
public struct DemandBurstDetector: Sendable {
    /// How close in time the signals must be, in milliseconds.
    public var span: Int64
    /// Distinct low-trust people within one span that make a burst.
    public var minimumPeople: Int
    /// People whose weight is below this count as low-trust.
    public var lowTrust: Double
    /// The share of a span's people who must be low-trust.
    public var minimumLowTrustShare: Double

    public init(spanMinutes: Double = 10, minimumPeople: Int = 25, lowTrust: Double = 0.1, minimumLowTrustShare: Double = 0.8) {
        span = Int64(spanMinutes * 60_000)
        self.minimumPeople = minimumPeople
        self.lowTrust = lowTrust
        self.minimumLowTrustShare = minimumLowTrustShare
    }

    /// One burst, with the evidence a merchant or moderator needs to judge it.
    public struct Burst: Sendable, Equatable {
        public var product: Int32
        public var kind: DemandKind
        public var from: Int64
        public var to: Int64
        /// Distinct people in the burst, and how many of them were low-trust.
        public var people: Int
        public var lowTrustPeople: Int
        /// Up to ten of the low-trust people, for the evidence.
        public var sample: [Int32]
    }

    public func bursts(in signals: [DemandSignal], weights: [Double]) -> [Burst] {
        let groups = Dictionary(grouping: signals) { TrustedDemand.Key(product: $0.product, kind: $0.kind) }
        var found: [Burst] = []
        for (key, group) in groups where group.count >= minimumPeople {
            found += bursts(key, group.sorted { $0.at < $1.at }, weights: weights)
        }
        return found.sorted { ($0.product, $0.from) < ($1.product, $1.from) }
    }

    /// Slides a span over one product's signals of one kind, merging overlapping spans
    /// that qualify into one burst.
    private func bursts(_ key: TrustedDemand.Key, _ sorted: [DemandSignal], weights: [Double]) -> [Burst] {
        func isLow(_ person: Int32) -> Bool { (Int(person) < weights.count ? weights[Int(person)] : 0) < lowTrust }
        var inSpan: [Int32: Int] = [:]
        var lowInSpan = 0
        var start = 0
        var result: [Burst] = []
        var current: (from: Int64, to: Int64, people: Set<Int32>)?
        for signal in sorted {
            inSpan[signal.person, default: 0] += 1
            if inSpan[signal.person] == 1, isLow(signal.person) { lowInSpan += 1 }
            while sorted[start].at < signal.at - span {
                let leaving = sorted[start].person
                inSpan[leaving]! -= 1
                if inSpan[leaving] == 0 {
                    inSpan[leaving] = nil
                    if isLow(leaving) { lowInSpan -= 1 }
                }
                start += 1
            }
            let qualifies = lowInSpan >= minimumPeople && Double(lowInSpan) >= minimumLowTrustShare * Double(inSpan.count)
            if qualifies {
                let people = Set(inSpan.keys)
                if let open = current, sorted[start].at <= open.to {
                    current = (open.from, signal.at, open.people.union(people))
                } else {
                    if let open = current { result.append(burst(key, open, isLow: isLow)) }
                    current = (sorted[start].at, signal.at, people)
                }
            }
        }
        if let open = current { result.append(burst(key, open, isLow: isLow)) }
        return result
    }

    private func burst(_ key: TrustedDemand.Key, _ span: (from: Int64, to: Int64, people: Set<Int32>), isLow: (Int32) -> Bool) -> Burst {
        let low = span.people.filter(isLow).sorted()
        return Burst(product: key.product, kind: key.kind, from: span.from, to: span.to, people: span.people.count,
                     lowTrustPeople: low.count, sample: Array(low.prefix(10)))
    }
}
