import Foundation
import Testing
import VouchStore
import VouchTestSupport

/// Moderator data and actions need a session, and actions its CSRF token.
@Suite struct ModerationAccessTests {
    var protectedPages: [String] { ["/moderate", "/moderate/audit", "/moderate/clips/2", "/moderate/clips/2/keyframes/0.jpg"] }

    @Test func withoutASessionBrowsersAreSentToLogin() async throws {
        try await withModeration { fixture in
            var browser = fixture.browser()
            for path in protectedPages {
                let answer = try await browser.get(path)
                #expect(answer.status == 303, "\(path)")
                #expect(answer.location?.hasPrefix("/moderate/login?next=") == true, "\(path)")
                #expect(!answer.body.contains("bob"))
            }
        }
    }

    @Test func withoutASessionOtherClientsGetA401Problem() async throws {
        try await withModeration { fixture in
            var client = fixture.browser()
            client.cookies["vouch_session"] = "not-a-session"
            for path in protectedPages {
                let answer = try await client.get(path, accept: "application/json")
                #expect(answer.status == 401 && answer.isProblem, "\(path)")
                #expect(answer.json["type"] as? String == "https://vouch.local/problems/login-required")
            }
            let decision = try await client.post("/moderate/clips/\(fixture.copy.id)/decisions", form: ["action": "approve", "reason": "x"], accept: "application/json")
            #expect(decision.status == 401 && decision.isProblem)
            #expect(try await fixture.store.clip(id: fixture.copy.id)?.status == .flagged)
        }
    }

    @Test func aPlatformsAPIKeyOpensNoModeratorPage() async throws {
        try await withModeration { fixture in
            let answer = try await fixture.server.send("/moderate/clips/\(fixture.copy.id)", headers: ["Authorization": "Bearer \(fixture.server.shop.apiKey)"])
            #expect(answer.status == 401 && answer.isProblem)
        }
    }

    @Test func theLandingPageShowsNoModeratorData() async throws {
        try await withModeration { fixture in
            var browser = fixture.browser()
            let landing = try await browser.get("/")
            #expect(landing.status == 200)
            #expect(landing.body.contains("href=\"/moderate\"") && landing.body.contains("href=\"/docs\""))
            #expect(!landing.body.contains("bob") && !landing.body.contains("copy-of-other-identity"))
        }
    }

    @Test func aDecisionWithoutTheSessionsTokenChangesNothing() async throws {
        try await withModeration { fixture in
            var ana = try await fixture.browser(loggedInAs: "ana")
            var mo = try await fixture.browser(loggedInAs: "mo")
            let anasToken = try #require(try await ana.csrfToken())
            let path = "/moderate/clips/\(fixture.copy.id)/decisions"
            let missing = try await mo.post(path, form: ["action": "reject", "reason": "copied"], accept: "application/json")
            let wrong = try await mo.post(path, form: ["action": "reject", "reason": "copied", "csrf": "x" + anasToken.dropFirst()], accept: "application/json")
            let someoneElses = try await mo.post(path, form: ["action": "reject", "reason": "copied", "csrf": anasToken], accept: "application/json")
            for answer in [missing, wrong, someoneElses] {
                #expect(answer.status == 403 && answer.isProblem)
                #expect(answer.json["type"] as? String == "https://vouch.local/problems/csrf-rejected")
            }
            #expect(try await fixture.store.clip(id: fixture.copy.id)?.status == .flagged)
            #expect(try await fixture.store.decisions(clip: fixture.copy.id).isEmpty)
        }
    }

    @Test func pagesForbidFramingInlineScriptsAndCaching() async throws {
        try await withModeration { fixture in
            var browser = try await fixture.browser(loggedInAs: "mo")
            for path in ["/moderate", "/moderate/clips/\(fixture.copy.id)", "/moderate/audit", "/moderate/login"] {
                let page = try await browser.get(path)
                #expect(page.status == 200 && page.contentType.hasPrefix("text/html"), "\(path)")
                #expect(page.headers["cache-control"] == "no-store", "\(path)")
                #expect(page.headers["x-frame-options"] == "DENY", "\(path)")
                let policy = page.headers["content-security-policy"] ?? ""
                #expect(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"), "\(path)")
                #expect(policy.contains("script-src 'self';") && !policy.contains("unsafe-") && !policy.contains("*"), "only same-origin script files: \(path)")
                #expect(!page.body.contains("<script"), "no page but an item with renditions loads any script: \(path)")
            }
        }
    }
}
