import Hummingbird
import VouchIdentity
import VouchStore

/// Identifies the shopper behind a public request from its optional `Vouch-Viewer`
/// attestation, signed by a registered platform. Without one the request goes on
/// anonymous; with a bad one it is refused, so a shopper never silently loses the
/// personal view they asked for.
struct ViewerAuthenticator: Authenticator {
    static var identity: WritableKeyPath<VouchRequestContext, Viewer?> { \.viewer }
    let verifier: AttestationVerifier
    let registry: LiveRegistry
    let clock: any WallClock

    func authenticate(request: Request, context: VouchRequestContext) async throws -> Viewer? {
        guard let token = request.headers[.vouchViewer] else { return nil }
        do {
            return try await verifier.verifyViewer(token, platforms: await registry.snapshot().trust(at: clock.now()))
        } catch {
            throw Problem(.unauthorized, "viewer-rejected", title: "The viewer attestation was rejected", detail: error.description)
        }
    }
}
