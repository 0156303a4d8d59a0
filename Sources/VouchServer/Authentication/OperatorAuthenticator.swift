import Foundation
import Hummingbird
import VouchIdentity
import VouchStore

/// Lets only operators through to the admin API: `Authorization: Bearer <token>` whose
/// SHA-256 the store holds (`vouch operator add`). The operator's name goes into the
/// context, for the audit log. Tokens are looked up on every request, so a revoked token
/// stops working on every host at once.
struct OperatorAuthenticator: Authenticator {
    static var identity: WritableKeyPath<VouchRequestContext, String?> { \.operatorName }
    let store: Store

    func authenticate(request: Request, context: VouchRequestContext) async throws -> String? {
        let token = try request.bearerToken(of: "an operator token (vouch operator add)")
        guard let name = try await store.operatorToken(sha256: ClipDigest.sha256Hex(of: Data(token.utf8))) else {
            throw Problem.unauthorized("the operator token is not valid")
        }
        return name
    }
}
