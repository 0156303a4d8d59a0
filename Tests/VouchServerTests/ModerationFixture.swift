import Foundation
import VouchServer
import VouchStore
import VouchTestSupport

/// The server with two moderators (ana, an admin; mo, a moderator) and the clips of a
/// small case: alice's original, and bob's mirrored copy of it held for review.
struct ModerationFixture {
    static let password = "correct horse battery staple"
    /// The same password hashed by another scrypt implementation (Python's hashlib, on
    /// OpenSSL), at a cost low enough for tests.
    static let passwordHash = "$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU"

    let server: ServerFixture
    let original: ClipRecord
    let copy: ClipRecord

    var store: Store { server.pipeline.store }

    func browser() -> ModeratorBrowser {
        ModeratorBrowser(server: server)
    }

    /// A browser logged in as `name`.
    func browser(loggedInAs name: String) async throws -> ModeratorBrowser {
        var browser = browser()
        try await browser.logIn(name, password: Self.password)
        return browser
    }

    static func settings() throws -> ModerationSettings {
        let hash = try PasswordHash(parsing: passwordHash)
        return ModerationSettings(users: [
            ModeratorAccount(name: "ana", role: .admin, passwordHash: hash),
            ModeratorAccount(name: "mo", role: .moderator, passwordHash: hash),
        ])
    }
}

/// `registryRefreshSeconds` is short, so accounts a test adds to the store log in at once.
func withModeration(_ body: @Sendable (ModerationFixture) async throws -> Void) async throws {
    let settings = try ModerationFixture.settings()
    // Loopback is a trusted proxy, so a browser can speak for another client address with X-Forwarded-For.
    try await withServer(.socket, moderation: settings, adjust: { server, _ in
        server.trustedProxies = ["127.0.0.1", "::1"]
        server.registryRefreshSeconds = 0.05
    }) { server in
        let store = server.pipeline.store
        let original = try await store.analysedClip(AnalysedClips.submission("a", reviewer: "alice"), outcome: AnalysedClips.original())
        let copy = try await store.analysedClip(AnalysedClips.submission("b", platform: "social", reviewer: "bob"), outcome: AnalysedClips.copy(of: original.id))
        try await body(ModerationFixture(server: server, original: original, copy: copy))
    }
}
