import Foundation
import Testing
import VouchTestSupport

/// The item page's "Play side by side" block: the held clip's and the matched clip's
/// renditions with the alignment for `Web/sync-playback.js`, the script itself, and the
/// policy that lets only that same-origin file run.
@Suite struct ItemPlaybackTests {
    /// Gives the copy a rendition and a poster and, when `original` is set, the original a rendition.
    static func attachRenditions(_ fixture: ModerationFixture, original: Bool) async throws {
        try await MediaRoutesTests.attach(MediaRoutesTests.video, key: "renditions/copy.mp4", column: "rendition_key", to: fixture.copy.id, server: fixture.server)
        try await MediaRoutesTests.attach(Data([0xFF, 0xD8, 0xFF, 0xD9]), key: "posters/copy.jpg", column: "poster_key", to: fixture.copy.id, server: fixture.server)
        if original {
            try await MediaRoutesTests.attach(MediaRoutesTests.video, key: "renditions/original.mp4", column: "rendition_key", to: fixture.original.id, server: fixture.server)
        }
    }

    @Test func theItemPlaysBothRenditionsWithTheAlignment() async throws {
        try await withModeration { fixture in
            try await Self.attachRenditions(fixture, original: true)
            var browser = try await fixture.browser(loggedInAs: "mo")
            let page = try await browser.get("/moderate/clips/\(fixture.copy.id)")
            #expect(page.status == 200)
            let players = page.body.components(separatedBy: "<video ").dropFirst().map { $0.components(separatedBy: "</video>")[0] }
            #expect(players.count == 2, "one pair: this clip and the clip it matched")
            let left = try #require(players.first), right = try #require(players.last)
            #expect(left.contains("src=\"/moderate/media/renditions/copy.mp4\"") && left.contains("poster=\"/moderate/media/posters/copy.jpg\""))
            #expect(left.contains("data-sync=\"query\"") && left.contains("aria-label=\"Clip \(fixture.copy.id)"))
            #expect(right.contains("src=\"/moderate/media/renditions/original.mp4\"") && !right.contains("poster="),
                    "the original has no poster, so none is named")
            #expect(right.contains("data-sync=\"reference\"") && right.contains("aria-label=\"Clip \(fixture.original.id)"))
            for player in players {
                #expect(player.hasPrefix("controls preload=\"metadata\" muted playsinline "), "native controls, muted, nothing loaded but metadata")
                #expect(!player.contains("autoplay"))
            }
            #expect(page.body.contains("data-sync-segments=\"0.0 7.5 1.0 0.5\""), "query start, query end, speed and offset of the one segment")
            #expect(page.body.contains("<script src=\"/static/sync-playback.js\" defer></script>"))
            #expect(!page.body.contains("<script>") && !page.body.contains("style=\""), "no inline script or style")

            for source in ["/moderate/media/renditions/copy.mp4", "/moderate/media/renditions/original.mp4", "/moderate/media/posters/copy.jpg"] {
                #expect(try await browser.get(source, accept: "*/*").status == 200, "\(source) plays for the moderator")
            }
        }
    }

    @Test func withoutARenditionOnOneSideTheNoteSaysWhich() async throws {
        try await withModeration { fixture in
            try await Self.attachRenditions(fixture, original: false)
            var browser = try await fixture.browser(loggedInAs: "mo")
            let page = try await browser.get("/moderate/clips/\(fixture.copy.id)")
            #expect(page.body.contains("Clip \(fixture.original.id) has no web rendition to play."))
            #expect(!page.body.contains("<video") && !page.body.contains("<script"), "no players, so no script")

            let neither = try await browser.get("/moderate/clips/\(fixture.original.id)")
            #expect(!neither.body.contains("Play side by side"), "a clip that matched nothing has nothing to play beside")
        }
    }

    @Test func theScriptIsServedAsJavaScript() async throws {
        try await withModeration { fixture in
            let script = try await fixture.server.send("/static/sync-playback.js")
            #expect(script.status == 200 && script.contentType == "text/javascript; charset=utf-8")
            let text = String(decoding: script.body, as: UTF8.self)
            #expect(text.contains("function toReference") && text.contains("prefers-reduced-motion"))
            #expect(!text.contains("eval(") && !text.contains("new Function"))
        }
    }

    @Test func theItemPagePolicyRunsOnlySameOriginScriptFiles() async throws {
        try await withModeration { fixture in
            try await Self.attachRenditions(fixture, original: true)
            var browser = try await fixture.browser(loggedInAs: "mo")
            let page = try await browser.get("/moderate/clips/\(fixture.copy.id)")
            let policy = try #require(page.headers["content-security-policy"])
            #expect(policy.contains("script-src 'self';") && policy.contains("media-src 'self';"))
            #expect(!policy.contains("'unsafe-inline'") && !policy.contains("'unsafe-eval'") && !policy.contains("*"))
        }
    }
}
