/// One demand signal, with its account already resolved to a person (a node of the trust
/// graph, so one person's accounts on several platforms are one).
public struct DemandSignal: Sendable, Equatable {
    public var person: Int32
    public var product: Int32
    public var kind: DemandKind
    /// Milliseconds since 1970.
    public var at: Int64
    public var quantity: Int32

    public init(person: Int32, product: Int32, kind: DemandKind, at: Int64, quantity: Int32 = 1) {
        self.person = person
        self.product = product
        self.kind = kind
        self.at = at
        self.quantity = quantity
    }
}

/// A product's demand of one kind over a window: everything counted, and what trusted people did.
public struct DemandTally: Sendable, Equatable {
    public var raw: Int64 = 0
    /// Σ over people of min(cap, their quantity) × their weight.
    public var trusted: Double = 0
    /// Distinct people who sent the signal.
    public var people: Int = 0
    /// Σ over those people of their weight: how many trusted people, fractionally.
    public var trustedPeople: Double = 0

    public init() {}

    /// The share of the raw count that trusted people account for.
    public var trustedShare: Double { raw > 0 ? min(1, trusted / Double(raw)) : 0 }
}

/// Raw and trusted demand per product and kind: each person's signals weighted by how much
/// they are trusted, and capped per person, so a thousand carts from one account, or from a
/// thousand accounts nobody trusted, count for little.
public struct TrustedDemand: Sendable {
    /// The most one person's signals of each kind count in a window.
    public var capPerPerson: [DemandKind: Int32]

    public init(capPerPerson: [DemandKind: Int32] = [.view: 1, .wishlist: 1, .cart: 3, .preorder: 3, .purchase: 5]) {
        self.capPerPerson = capPerPerson
    }

    /// A product and a kind of signal.
    public struct Key: Hashable, Sendable {
        public var product: Int32
        public var kind: DemandKind

        public init(product: Int32, kind: DemandKind) {
            self.product = product
            self.kind = kind
        }
    }

    /// Tallies `signals` (already limited to the window) under `weights` (indexed by person).
    public func tally(_ signals: [DemandSignal], weights: [Double]) -> [Key: DemandTally] {
        var perPerson: [PersonKey: Int64] = [:]
        perPerson.reserveCapacity(signals.count / 2)
        var tallies: [Key: DemandTally] = [:]
        for signal in signals {
            let quantity = Int64(max(0, signal.quantity))
            tallies[Key(product: signal.product, kind: signal.kind), default: DemandTally()].raw += quantity
            perPerson[PersonKey(person: signal.person, product: signal.product, kind: signal.kind), default: 0] += quantity
        }
        for (key, quantity) in perPerson {
            let weight = Int(key.person) < weights.count ? weights[Int(key.person)] : 0
            let counted = min(quantity, Int64(capPerPerson[key.kind] ?? 1))
            let tallyKey = Key(product: key.product, kind: key.kind)
            tallies[tallyKey, default: DemandTally()].people += 1
            tallies[tallyKey, default: DemandTally()].trustedPeople += weight
            tallies[tallyKey, default: DemandTally()].trusted += Double(counted) * weight
        }
        return tallies
    }

    private struct PersonKey: Hashable {
        var person: Int32
        var product: Int32
        var kind: DemandKind
    }
}
