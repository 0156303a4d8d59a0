import Foundation
import Hummingbird
import VouchIdentity
import VouchStore

/// Lets only registered platforms through to the platform API: `Authorization: Bearer
/// <API key>` finds the platform, which goes into the context.
///
/// Keys are held only as SHA-256 hashes; a presented key is hashed and looked up,
/// so no comparison leaks a stored key's prefix through timing. The registry is the
/// fleet's, so a key issued or rotated on any host is honoured here within seconds.
struct PlatformAuthenticator: Authenticator {
    static var identity: WritableKeyPath<VouchRequestContext, PlatformAccess?> { \.platform }
    let registry: LiveRegistry
    let clock: any WallClock

    func authenticate(request: Request, context: VouchRequestContext) async throws -> PlatformAccess? {
        let key = try request.bearerToken(of: "the platform's API key")
        let now = clock.now()
        guard let platform = await registry.snapshot().platform(apiKeySHA256: ClipDigest.sha256Hex(of: Data(key.utf8)), at: now) else {
            throw Problem.unauthorized("the API key is not valid")
        }
        return PlatformAccess(id: platform.id, name: platform.name, trust: platform.trust(at: now))
    }
}

/// A registered platform with the attestation keys it may sign with now.
struct PlatformAccess: Sendable {
    var id: String
    var name: String
    var trust: PlatformTrust
}
