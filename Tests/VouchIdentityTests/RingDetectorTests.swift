import Foundation
import Testing
import VouchIdentity

@Suite struct RingDetectorTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let detector = RingDetector(trustCeiling: 0.1, window: 3600)
    /// Identities 1–9 are fresh (trust 0.01); 10 and up are established (trust 1).
    func trust(_ identity: Int32) -> Double { identity < 10 ? 0.01 : 1 }

    func review(_ identity: Int32, _ product: String, minutes: Double, cluster: Int? = nil) -> RingDetector.Review {
        RingDetector.Review(identity: identity, product: product, time: start.addingTimeInterval(minutes * 60), contentCluster: cluster)
    }

    @Test func flagsFreshAccountsPostingCopiesOfTheSameClipButNotItsOriginal() {
        let posts = [review(4, "a", minutes: 0, cluster: 7), review(1, "a", minutes: 10, cluster: 7), review(2, "b", minutes: 300, cluster: 7),
                     review(3, "c", minutes: 900, cluster: 7)]
        let rings = detector.rings(in: posts, trust: trust)
        #expect(rings == [RingDetector.Ring(members: [1, 2, 3], sharedContent: [7], coordinatedProducts: [])], "identity 4 posted first: the victim")
    }

    @Test func flagsFreshAccountsReviewingTheSameProductsTogether() {
        let reviews = [1, 2, 3].flatMap { identity in
            [review(identity, "barista-pro", minutes: Double(identity)), review(identity, "quietwave-2", minutes: 30 + Double(identity))]
        }
        #expect(detector.rings(in: reviews, trust: trust).isEmpty, "proximity without a tie is no evidence")
        let rings = detector.rings(in: reviews, trust: trust, tied: { _, _ in true })
        #expect(rings.first?.members == [1, 2, 3])
        #expect(rings.first?.coordinatedProducts == ["barista-pro", "quietwave-2"])
    }

    @Test func ignoresEstablishedReviewersAndSlowCoincidences() {
        let established = [10, 11, 12].map { review(Int32($0), "a", minutes: 0, cluster: 5) }
        let apart = [1, 2, 3].flatMap { identity in
            [review(identity, "x", minutes: Double(identity) * 200), review(identity, "y", minutes: Double(identity) * 200 + 1)]
        }
        #expect(detector.rings(in: established + apart, trust: trust).isEmpty)
    }

    @Test func oneSharedProductIsNotCoordination() {
        let reviews = [1, 2, 3].map { review(Int32($0), "a", minutes: Double($0)) }
        #expect(detector.rings(in: reviews, trust: trust).isEmpty)
    }

    @Test func anHonestNewcomerBesideTiedThrowawaysIsNotAMember() {
        let reviews = [1, 2, 3, 5].flatMap { identity in
            [review(identity, "kettle", minutes: Double(identity)), review(identity, "toaster", minutes: 30 + Double(identity))]
        }
        let throwaways: Set<Int32> = [1, 2, 3]
        let rings = detector.rings(in: reviews, trust: trust, tied: { throwaways.contains($0) && throwaways.contains($1) })
        #expect(rings.map(\.members) == [[1, 2, 3]], "identity 5 has no tie to them")
    }
}
