import Foundation
import Hummingbird
import VouchIdentity

/// Finds the platform behind a request's `Authorization: Bearer <API key>`.
///
/// Keys are held only as SHA-256 hashes; a presented key is hashed and looked up,
/// so no comparison leaks a stored key's prefix through timing.
struct PlatformAuthenticator: Sendable {
    private let platforms: [String: PlatformAccess]

    init(_ platforms: [PlatformAccess]) {
        self.platforms = Dictionary(platforms.map { ($0.registration.apiKeySHA256.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    func platform(for request: Request) throws(Problem) -> PlatformAccess {
        guard let header = request.headers[.authorization] else {
            throw .unauthorized("send the platform's API key as 'Authorization: Bearer <key>'")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw .unauthorized("the Authorization header must be 'Bearer <key>'")
        }
        guard let platform = platforms[ClipDigest.sha256Hex(of: Data(parts[1].utf8))] else {
            throw .unauthorized("the API key is not valid")
        }
        return platform
    }
}

/// A registered platform with its attestation keys loaded.
struct PlatformAccess: Sendable {
    var registration: PlatformRegistration
    var trust: PlatformTrust
}
