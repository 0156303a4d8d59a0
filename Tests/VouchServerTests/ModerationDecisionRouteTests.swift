import Foundation
import Testing
import VouchStore
import VouchTestSupport

/// Decisions through the UI: each one's effect, and who may take it.
@Suite struct ModerationDecisionRouteTests {
    /// Posts a decision from the item page's own form, as `name`.
    static func decide(_ action: String, clip: Int64, as name: String, in fixture: ModerationFixture, accept: String = "text/html") async throws -> ModeratorBrowser.Page {
        var browser = try await fixture.browser(loggedInAs: name)
        let item = try await browser.get("/moderate/clips/\(clip)")
        let token = try #require(item.hiddenField("csrf"))
        return try await browser.post("/moderate/clips/\(clip)/decisions", form: ["csrf": token, "action": action, "reason": "checked by hand"], accept: accept)
    }

    @Test func approvingPublishesAndRaisesReputation() async throws {
        try await withModeration { fixture in
            let answer = try await Self.decide("approve", clip: fixture.copy.id, as: "mo", in: fixture)
            #expect(answer.status == 303 && answer.location == "/moderate?decided=\(fixture.copy.id)&action=approve")
            #expect(try await fixture.store.clip(id: fixture.copy.id)?.status == .published)
            #expect(try await fixture.store.identity(ofClip: fixture.copy).reputation == 1)
            let entry = try #require(try await fixture.store.auditLog(subject: "clip:\(fixture.copy.id)").first)
            #expect(entry.actor == "moderator:mo" && entry.action == "moderation.approve" && entry.detail["reason"] == "checked by hand")
        }
    }

    @Test func rejectingRemovesFromTheIndex() async throws {
        try await withModeration { fixture in
            let answer = try await Self.decide("reject", clip: fixture.copy.id, as: "mo", in: fixture)
            #expect(answer.status == 303)
            #expect(try await fixture.store.clip(id: fixture.copy.id)?.status == .rejected)
            #expect(try await fixture.store.identity(ofClip: fixture.copy).reputation == -1)
            let indexed = try await fixture.store.indexedFingerprints(after: 0).map(\.clipID)
            #expect(!indexed.contains(fixture.copy.id))
            #expect(try await fixture.store.auditLog(subject: "clip:\(fixture.copy.id)").map(\.action).contains("index.removed"))
        }
    }

    @Test func anAdminBansAndMarksReferenceFootage() async throws {
        try await withModeration { fixture in
            #expect(try await Self.decide("ban-identity", clip: fixture.copy.id, as: "ana", in: fixture).status == 303)
            let banned = try await fixture.store.identity(ofClip: fixture.copy)
            #expect(banned.banned && banned.reputation == -3)

            #expect(try await Self.decide("mark-reference", clip: fixture.original.id, as: "ana", in: fixture).status == 303)
            let reference = try #require(try await fixture.store.clip(id: fixture.original.id))
            #expect(reference.isReference && reference.status == .rejected)
            #expect(try await fixture.store.indexedFingerprints(after: 0).map(\.clipID).contains(fixture.original.id), "the reference bank stays matchable")
        }
    }

    @Test func aModeratorCannotBanOrMarkReferences() async throws {
        try await withModeration { fixture in
            for action in ["ban-identity", "mark-reference"] {
                let answer = try await Self.decide(action, clip: fixture.copy.id, as: "mo", in: fixture, accept: "application/json")
                #expect(answer.status == 403 && answer.isProblem)
                #expect(answer.json["type"] as? String == "https://vouch.local/problems/forbidden")
            }
            #expect(try await fixture.store.clip(id: fixture.copy.id)?.status == .flagged)
            #expect(try await fixture.store.identity(ofClip: fixture.copy).banned == false)
        }
    }

    @Test func aSecondDecisionIsAConflictAndAnUnknownActionABadRequest() async throws {
        try await withModeration { fixture in
            #expect(try await Self.decide("reject", clip: fixture.copy.id, as: "mo", in: fixture).status == 303)
            let again = try await Self.decide("approve", clip: fixture.copy.id, as: "mo", in: fixture, accept: "application/json")
            #expect(again.status == 409 && again.isProblem)
            let unknown = try await Self.decide("delete-everything", clip: fixture.copy.id, as: "ana", in: fixture, accept: "application/json")
            #expect(unknown.status == 400 && unknown.isProblem)
            #expect(try await fixture.store.decisions(clip: fixture.copy.id).map(\.action) == [.reject])
        }
    }
}
