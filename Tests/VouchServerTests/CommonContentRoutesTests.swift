import Foundation
import Testing
import VouchFingerprint
import VouchModel
import VouchStore
import VouchTestSupport

/// The benign bank through the moderator UI: an admin banks a matched segment from the
/// item page, the clip held only for it is published, and the bank page removes entries.
@Suite struct CommonContentRoutesTests {
    /// A clip held only because it opens with the same 8 s intro as an earlier clip.
    static func heldForAnIntro(in fixture: ModerationFixture) async throws -> (earlier: ClipRecord, held: ClipRecord) {
        let intro = SyntheticFootage.piece(seed: 7100, seconds: 8)
        let first = SyntheticFootage.clip([intro, SyntheticFootage.piece(seed: 1, seconds: 10)], noiseSeed: 1)
        let second = SyntheticFootage.clip([intro, SyntheticFootage.piece(seed: 2, seconds: 12)], noiseSeed: 2)
        let match = TemporalMatcher().compare(second, with: first)
        #expect(match.isMatch)
        let explanation = ScoreExplanation(parts: ScoreParts(score: 0.3, identityAssurance: 0.6, originality: 0.4, reviewerTrust: 0.25), verdict: .copy)
        let store = fixture.store
        let earlier = try await store.analysedClip(AnalysedClips.submission("c", reviewer: "carol"), outcome: ClipOutcome(
            status: .published, explanation: explanation, probe: #"{"durationSeconds": 18}"#, fingerprint: first.binary()))
        let held = try await store.analysedClip(AnalysedClips.submission("d", platform: "social", reviewer: "dave"), outcome: ClipOutcome(
            status: .flagged, explanation: explanation, probe: #"{"durationSeconds": 20}"#, fingerprint: second.binary(),
            flags: [ClipFlag(kind: .copyOfOtherIdentity, detail: "matches clip \(earlier.id)")],
            matches: [ClipMatch(matchedClipID: earlier.id, score: match.score, alignment: try JSONEncoder().text(of: match))]))
        return (earlier, held)
    }

    @Test func anAdminBanksASegmentFromTheItemPageAndTheClipHeldOnlyByItIsPublished() async throws {
        try await withModeration { fixture in
            let (earlier, held) = try await Self.heldForAnIntro(in: fixture)
            var browser = try await fixture.browser(loggedInAs: "ana")
            let item = try await browser.get("/moderate/clips/\(held.id)")
            #expect(item.body.contains("Benign: add this segment to the benign bank"))
            #expect(item.body.contains("<td>excerpt</td>"))
            let token = try #require(item.hiddenField("csrf"))
            let form = ["csrf": token, "match": "\(earlier.id)", "segment": "1", "reason": "the shop intro"]
            let forged = try await browser.post("/moderate/clips/\(held.id)/common-content", form: form.merging(["csrf": "forged"]) { $1 })
            #expect(forged.status == 403)
            let banked = try await browser.post("/moderate/clips/\(held.id)/common-content", form: form)
            #expect(banked.status == 303 && banked.location?.hasPrefix("/moderate/common-content?added=") == true && banked.location?.hasSuffix("released=1") == true)
            #expect(try await fixture.store.clip(id: held.id)?.status == .published)
            let entry = try #require(try await fixture.store.commonContent().first)
            #expect(entry.source == .moderator && entry.addedBy == "ana" && entry.seenIn == [held.id, earlier.id])
            #expect(abs(entry.seconds - 8) < 0.6)

            let after = try await browser.get("/moderate/clips/\(held.id)")
            #expect(after.body.contains("<td>common content</td>"), "the item page now shows the intro as common content")
            let bank = try await browser.get("/moderate/common-content")
            #expect(bank.status == 200 && bank.body.contains("the shop intro") && bank.body.contains("benign bank"))
            let removed = try await browser.post("/moderate/common-content/\(entry.id)/remove", form: ["csrf": token, "reason": "not an intro after all"])
            #expect(removed.status == 303)
            #expect(try await fixture.store.commonContent().isEmpty)
            #expect(try await fixture.store.auditLog(subject: "common-content:\(entry.id)").contains { $0.actor == "moderator:ana" && $0.action == "common-content.removed" })
        }
    }

    @Test func aModeratorSeesTheBankButCannotChangeIt() async throws {
        try await withModeration { fixture in
            let (earlier, held) = try await Self.heldForAnIntro(in: fixture)
            var browser = try await fixture.browser(loggedInAs: "mo")
            let item = try await browser.get("/moderate/clips/\(held.id)")
            #expect(!item.body.contains("Benign: add this segment"))
            let token = try #require(item.hiddenField("csrf"))
            let refused = try await browser.post("/moderate/clips/\(held.id)/common-content",
                                                 form: ["csrf": token, "match": "\(earlier.id)", "segment": "1", "reason": "mine"], accept: "application/json")
            #expect(refused.status == 403 && refused.isProblem)
            #expect(try await fixture.store.commonContent().isEmpty)
            #expect(try await fixture.store.clip(id: held.id)?.status == .flagged)
            #expect(try await browser.get("/moderate/common-content").status == 200)
        }
    }
}
