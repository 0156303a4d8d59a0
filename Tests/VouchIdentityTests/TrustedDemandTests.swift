import Testing
import VouchIdentity

@Suite struct TrustedDemandTests {
    @Test func eachPersonCountsUpToTheCapTimesTheirWeight() {
        let signals = [DemandSignal(person: 0, product: 0, kind: .cart, at: 0, quantity: 10),
                       DemandSignal(person: 1, product: 0, kind: .cart, at: 1),
                       DemandSignal(person: 1, product: 0, kind: .cart, at: 2),
                       DemandSignal(person: 2, product: 0, kind: .view, at: 3, quantity: 4)]
        let tallies = TrustedDemand().tally(signals, weights: [1, 0.5, 1])
        let carts = tallies[.init(product: 0, kind: .cart)]
        #expect(carts?.raw == 12 && carts?.people == 2)
        #expect(carts?.trusted == 3 * 1 + 2 * 0.5, "person 0's ten carts count three")
        #expect(carts?.trustedPeople == 1.5)
        #expect(tallies[.init(product: 0, kind: .view)]?.trusted == 1, "views count once per person")
    }

    @Test func weightsAreRelativeToTheSeedsAndLeakedTrustCountsNothing() {
        let weights = DemandWeights.weights(scores: [2, 1, 4, 0.004, 1.5], seeds: [0, 2, 4], floor: 0.05, excluded: [4])
        #expect(weights[0] == 1 && weights[2] == 1, "seeds and people above the median seed count fully")
        #expect(abs(weights[1] - (0.5 - 0.05) / 0.95) < 1e-9)
        #expect(weights[3] == 0, "a Sybil's leaked trust is under the floor")
        #expect(weights[4] == 0, "excluded people (banned, rings) count nothing")
        #expect(DemandWeights.weights(scores: [1, 1], seeds: []).allSatisfy { $0 == 0 }, "no seed, no trust")
    }

    @Test func aFarmActingWithinMinutesIsABurstAndOrganicDemandIsNot() {
        let minute: Int64 = 60_000
        var signals = (0..<30).map { DemandSignal(person: Int32(100 + $0), product: 1, kind: .cart, at: Int64($0) * minute / 4) }
        signals += (0..<200).map { DemandSignal(person: Int32($0), product: 2, kind: .cart, at: Int64($0) * 7 * minute) }
        signals += (0..<40).map { DemandSignal(person: Int32($0), product: 3, kind: .cart, at: Int64($0) * minute / 10) }
        var weights = [Double](repeating: 0, count: 130)
        for person in 0..<100 { weights[person] = 1 }
        let bursts = DemandBurstDetector().bursts(in: signals, weights: weights)
        #expect(bursts.map(\.product) == [1], "only the low-trust farm; a trusted crowd in minutes is a sale, not a farm")
        #expect(bursts.first?.lowTrustPeople == 30 && bursts.first?.sample.count == 10)
        #expect(bursts.first.map { $0.to - $0.from <= 10 * minute } == true)
    }
}
