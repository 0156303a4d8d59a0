import Foundation
import Hummingbird
import VouchEncoding
import VouchStore

/// Moderator sessions over cookies: a random 256-bit id in an HttpOnly, SameSite=Strict
/// cookie (Secure when configured), stored only as its SHA-256, with an expiry; and the
/// short-lived cookie that protects the login form itself from cross-site submission.
struct ModeratorSessions: Sendable {
    static let sessionCookie = "vouch_session"
    static let loginCookie = "vouch_login"
    static let path = "/moderate"

    let store: Store
    let settings: ModerationSettings
    /// Who may log in now: a moderator removed on any host loses their sessions here too.
    let registry: LiveRegistry

    /// The moderator behind `request`; nil without a live session, or when the session's
    /// moderator has been removed since.
    func moderator(for request: Request) async throws -> SignedInModerator? {
        guard let id = request.cookies[Self.sessionCookie]?.value, !id.isEmpty else { return nil }
        let key = SessionSecret.storageKey(of: id)
        guard let session = try await store.moderatorSession(idSHA256: key),
              let account = await registry.snapshot().moderators[session.moderator] else {
            return nil
        }
        return SignedInModerator(account: account, session: session, storageKey: key)
    }

    /// Starts a session for `account`; returns the cookie that carries it.
    func start(for account: ModeratorAccount) async throws -> Cookie {
        let id = SessionSecret.generate()
        let now = store.clock.now()
        let expiry = now.addingTimeInterval(settings.sessionMinutes * 60)
        try await store.startModeratorSession(idSHA256: SessionSecret.storageKey(of: id), ModeratorSession(
            moderator: account.name, csrfToken: SessionSecret.generate(), createdAt: now, expiresAt: expiry))
        return cookie(Self.sessionCookie, value: id, maxAge: Int(settings.sessionMinutes * 60), path: Self.path)
    }

    func end(_ moderator: SignedInModerator) async throws -> Cookie {
        try await store.endModeratorSession(idSHA256: moderator.storageKey)
        return cookie(Self.sessionCookie, value: "", maxAge: 0, path: Self.path)
    }

    /// A fresh login-form token and the cookie that must come back with it (double submit).
    func loginToken() -> (token: String, cookie: Cookie) {
        let token = SessionSecret.generate()
        return (token, cookie(Self.loginCookie, value: token, maxAge: 1800, path: Self.path + "/login"))
    }

    /// Whether a login form's token matches its cookie.
    func checkLoginToken(_ presented: String?, request: Request) -> Bool {
        guard let presented, let expected = request.cookies[Self.loginCookie]?.value, !expected.isEmpty else { return false }
        return ConstantTime.equal(presented, expected)
    }

    private func cookie(_ name: String, value: String, maxAge: Int, path: String) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: path, secure: settings.secureCookies, httpOnly: true, sameSite: .strict)
    }

    static let loginRequired = Problem(.unauthorized, "login-required", title: "Login required",
                                       detail: "moderator pages need a moderator session: log in at /moderate/login")
}
