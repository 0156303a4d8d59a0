import Foundation
import Testing
import VouchStore
import VouchTestSupport

@Suite struct ModerationPagesTests {
    @Test func theQueueListsHeldClipsAndFilters() async throws {
        try await withModeration { fixture in
            let reference = try await fixture.store.analysedClip(AnalysedClips.submission("c", reviewer: "carol"),
                                                                 outcome: AnalysedClips.copy(of: fixture.original.id, flag: .referenceFootage))
            var browser = try await fixture.browser(loggedInAs: "mo")
            let all = try await browser.get("/moderate")
            #expect(all.body.contains("/moderate/clips/\(fixture.copy.id)") && all.body.contains("/moderate/clips/\(reference.id)"))
            #expect(!all.body.contains("/moderate/clips/\(fixture.original.id)\""), "published clips are not in the queue")
            #expect(all.body.contains("<option value=\"reference-footage\">"))

            let byKind = try await browser.get("/moderate?kind=reference-footage")
            #expect(byKind.body.contains("/moderate/clips/\(reference.id)") && !byKind.body.contains("/moderate/clips/\(fixture.copy.id)\""))
            #expect(byKind.body.contains("<option value=\"reference-footage\" selected>"))

            let byPlatform = try await browser.get("/moderate?platform=social")
            #expect(byPlatform.body.contains("/moderate/clips/\(fixture.copy.id)") && !byPlatform.body.contains("/moderate/clips/\(reference.id)\""))
        }
    }

    @Test func anItemShowsKeyframesSideBySideTheTimelineAndTheEvidence() async throws {
        try await withModeration { fixture in
            var browser = try await fixture.browser(loggedInAs: "mo")
            let page = try await browser.get("/moderate/clips/\(fixture.copy.id)")
            #expect(page.status == 200)
            for position in 0..<2 {
                #expect(page.body.contains("src=\"/moderate/clips/\(fixture.copy.id)/keyframes/\(position).jpg\""))
                #expect(page.body.contains("src=\"/moderate/clips/\(fixture.original.id)/keyframes/\(position).jpg\""))
            }
            #expect(page.body.contains("<svg") && page.body.contains("<polygon"), "the alignment is drawn")
            #expect(page.body.contains("mirror") && page.body.contains("1.00×") && page.body.contains("+0.5 s"), "speed, offset and orientation")
            #expect(page.body.contains("copy-of-other-identity") && page.body.contains("&quot;clipID&quot;"), "the flag and its evidence, escaped")
            #expect(page.body.contains("bob on social"), "the reviewer")
            #expect(page.body.contains("name=\"csrf\""), "the decision form carries the token")
        }
    }

    @Test func keyframesAreServedAsJPEGToModerators() async throws {
        try await withModeration { fixture in
            var browser = try await fixture.browser(loggedInAs: "mo")
            let image = try await browser.get("/moderate/clips/\(fixture.copy.id)/keyframes/1.jpg", accept: "image/*")
            #expect(image.status == 200 && image.contentType == "image/jpeg")
            #expect(image.headers["cache-control"]?.hasPrefix("private") == true)
            let missing = try await browser.get("/moderate/clips/\(fixture.copy.id)/keyframes/9.jpg", accept: "image/*")
            #expect(missing.status == 404)
        }
    }

    @Test func theAuditLogShowsDecisionsAndFiltersBySubject() async throws {
        try await withModeration { fixture in
            try await fixture.store.decide(.approve, clip: fixture.copy.id, moderator: "ana", reason: "licensed <b>reuse</b>")
            var browser = try await fixture.browser(loggedInAs: "mo")
            let log = try await browser.get("/moderate/audit")
            #expect(log.body.contains("moderation.approve") && log.body.contains("moderator.login"))
            #expect(log.body.contains("licensed &lt;b&gt;reuse&lt;/b&gt;") && !log.body.contains("<b>reuse"), "details are escaped")
            let one = try await browser.get("/moderate/audit?subject=clip:\(fixture.copy.id)")
            #expect(one.body.contains("moderation.approve") && !one.body.contains("moderator.login"))
        }
    }

    @Test func theQueueConfirmsOnlyRealDecisions() async throws {
        try await withModeration { fixture in
            var browser = try await fixture.browser(loggedInAs: "mo")
            let confirmed = try await browser.get("/moderate?decided=\(fixture.copy.id)&action=reject")
            #expect(confirmed.body.contains("Recorded: reject for clip \(fixture.copy.id)."))
            let forged = try await browser.get("/moderate?decided=\(fixture.copy.id)&action=Your%20account%20is%20suspended")
            #expect(!forged.body.contains("Recorded:") && !forged.body.contains("suspended"))
        }
    }

    @Test func anUnknownClipIsAPageNotACrash() async throws {
        try await withModeration { fixture in
            var browser = try await fixture.browser(loggedInAs: "mo")
            let page = try await browser.get("/moderate/clips/999")
            #expect(page.status == 404 && page.contentType.hasPrefix("text/html") && page.body.contains("clip 999 does not exist"))
        }
    }
}
