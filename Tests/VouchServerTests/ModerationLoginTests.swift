import Foundation
import SQLKit
import Testing
import VouchServer
import VouchStore
import VouchTestSupport

@Suite struct ModerationLoginTests {
    @Test func aCorrectPasswordStartsAStrictHttpOnlySession() async throws {
        try await withModeration { fixture in
            var browser = fixture.browser()
            let answer = try await browser.logIn("ana", password: ModerationFixture.password)
            #expect(answer.status == 303 && answer.location == "/moderate")
            let cookie = try #require(answer.setCookies.first { $0.hasPrefix("vouch_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/moderate"))
            #expect(cookie.contains("Secure"), "Secure unless an operator turns it off")
            let id = try #require(browser.cookies["vouch_session"])
            #expect(id.count == 43, "256 random bits, base64url")
            let stored = try await fixture.store.database.run { db in
                try await db.raw("SELECT id_sha256 FROM moderator_sessions").all().map { try $0.decode(column: "id_sha256", as: String.self) }
            }
            #expect(stored.count == 1 && stored[0] != id && stored[0].count == 64, "only a SHA-256 of the id is stored")
            let queue = try await browser.get("/moderate")
            #expect(queue.status == 200 && queue.body.contains("Clip \(fixture.copy.id)"))
        }
    }

    @Test func wrongPasswordsAndUnknownNamesAreRefusedAlike() async throws {
        try await withModeration { fixture in
            var browser = fixture.browser()
            let wrong = try await browser.logIn("ana", password: "not the password")
            let unknown = try await browser.logIn("nobody", password: ModerationFixture.password)
            for answer in [wrong, unknown] {
                #expect(answer.status == 401)
                #expect(answer.body.contains("Wrong name or password"))
                #expect(!answer.setCookies.contains { $0.hasPrefix("vouch_session=") })
            }
            #expect(browser.cookies["vouch_session"] == nil)
            let refused = try await fixture.store.auditLog(subject: "moderator:ana").map(\.action).filter { $0.hasPrefix("moderator.login") }
            #expect(refused == ["moderator.login-refused"])
        }
    }

    @Test func aLoginWithoutTheFormsTokenIsRefused() async throws {
        try await withModeration { fixture in
            var browser = fixture.browser()
            let forged = try await browser.post("/moderate/login", form: ["name": "ana", "password": ModerationFixture.password, "token": "guessed"])
            #expect(forged.status == 403)
            #expect(browser.cookies["vouch_session"] == nil)
        }
    }

    @Test func repeatedFailuresBlockThatClientForThatNameOnly() async throws {
        try await withModeration { fixture in
            var attacker = fixture.browser()
            attacker.forwardedFor = "203.0.113.7"
            for _ in 0..<5 {
                #expect(try await attacker.logIn("mo", password: "guess").status == 401)
            }
            let blocked = try await attacker.logIn("mo", password: ModerationFixture.password)
            let unknown = try await attacker.logIn("nobody-\(UUID())", password: "guess")
            #expect(blocked.status == 401 && unknown.status == 401, "a blocked real name answers as an unknown one does")
            #expect(blocked.body.contains("Wrong name or password") && unknown.body.contains("Wrong name or password"))
            #expect(attacker.cookies["vouch_session"] == nil)
            #expect(try await attacker.logIn("ana", password: ModerationFixture.password).status == 303, "other names are not blocked")

            var moderator = fixture.browser()
            moderator.forwardedFor = "198.51.100.20"
            #expect(try await moderator.logIn("mo", password: ModerationFixture.password).status == 303,
                    "the attacker cannot lock the real moderator out from elsewhere")
        }
    }

    @Test func aClientSprayingNamesIsBlockedAndBlockedAttemptsWriteNothing() async throws {
        try await withModeration { fixture in
            var sprayer = fixture.browser()
            sprayer.forwardedFor = "203.0.113.8"
            for attempt in 0..<20 { _ = try await sprayer.logIn(attempt.isMultiple(of: 2) ? "mo" : "user-\(attempt)", password: "guess-\(attempt)") }
            let audited = try await fixture.store.auditLog(subject: "moderator:mo").count
            for _ in 0..<30 {
                #expect(try await sprayer.logIn("mo", password: ModerationFixture.password).status == 401)
            }
            #expect(try await fixture.store.auditLog(subject: "moderator:mo").count == audited, "blocked attempts add no audit rows")
            let throttleRows = try await fixture.store.database.run { db in
                try await db.raw("SELECT COUNT(*) AS n FROM login_failures").first()?.decode(column: "n", as: Int.self) ?? 0
            }
            #expect(throttleRows <= 12, "the throttle holds a row per address and per address and name tried, no more")
        }
    }

    @Test func loggingOutNeedsTheTokenAndEndsTheSession() async throws {
        try await withModeration { fixture in
            var browser = try await fixture.browser(loggedInAs: "mo")
            let session = try #require(browser.cookies["vouch_session"])
            let token = try #require(try await browser.csrfToken())
            #expect(try await browser.post("/moderate/logout", form: [:]).status == 403)
            let out = try await browser.post("/moderate/logout", form: ["csrf": token])
            #expect(out.status == 303 && out.location == "/moderate/login")
            var stolen = fixture.browser()
            stolen.cookies["vouch_session"] = session
            #expect(try await stolen.get("/moderate").status == 303, "the old session id no longer works")
        }
    }

    @Test func afterLoginOnlyPathsOfThisUIAreFollowed() async throws {
        try await withModeration { fixture in
            var browser = fixture.browser()
            let item = try await browser.logIn("ana", password: ModerationFixture.password, next: "/moderate/clips/\(fixture.copy.id)")
            #expect(item.location == "/moderate/clips/\(fixture.copy.id)")
            for hostile in ["https://evil.example/", "//evil.example/moderate", "/moderate/../../x\\", "/moderateX//evil"] {
                var other = fixture.browser()
                #expect(try await other.logIn("ana", password: ModerationFixture.password, next: hostile).location == "/moderate")
            }
        }
    }
}
