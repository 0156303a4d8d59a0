import Testing
import VouchIdentity

@Suite struct PersonalTrustTests {
    // The shopper is 0, the reviewer 9.
    let trust = PersonalTrust(edges: [
        SocialEdge(from: 0, to: 1, kind: .follows),
        SocialEdge(from: 0, to: 2, kind: .follows),
        SocialEdge(from: 3, to: 0, kind: .friend),
        SocialEdge(from: 1, to: 9, kind: .follows),
        SocialEdge(from: 2, to: 9, kind: .vouchesFor),
        SocialEdge(from: 3, to: 9, kind: .friend),
        SocialEdge(from: 9, to: 4, kind: .follows),
        SocialEdge(from: 4, to: 0, kind: .follows),
    ])

    @Test func countsThePeopleBetween() {
        #expect(trust.links(from: 0, to: 9) == [.throughContacts([1, 2, 3])])
        #expect(trust.explanation(from: 0, to: 9) == ["3 people you follow or know relate to this reviewer"])
    }

    @Test func aFollowIsOneWay() {
        #expect(trust.links(from: 4, to: 9) == [], "9 follows 4, which gives 4 no link to 9")
        #expect(trust.links(from: 1, to: 9) == [.direct(.follows)])
    }

    @Test func friendshipWorksBothWays() {
        #expect(trust.links(from: 9, to: 3) == [.direct(.friend)])
        #expect(trust.explanation(from: 0, to: 3) == ["this reviewer is your friend"])
    }

    @Test func strangersHaveNoLinks() {
        #expect(trust.links(from: 5, to: 9).isEmpty)
    }
}
