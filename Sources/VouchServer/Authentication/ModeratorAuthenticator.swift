import Hummingbird

/// Finds the signed-in moderator of a moderator-UI request from its session cookie.
/// A request without a live session goes on anonymous, and ``RequireModerator`` turns it
/// away. The login form is outside it, so it renders without reading the store.
struct ModeratorAuthenticator: Authenticator {
    static var identity: WritableKeyPath<VouchRequestContext, SignedInModerator?> { \.moderator }
    let sessions: ModeratorSessions

    func authenticate(request: Request, context: VouchRequestContext) async throws -> SignedInModerator? {
        try await sessions.moderator(for: request)
    }
}
