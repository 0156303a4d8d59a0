import Foundation
import SQLKit

extension Store {
    /// Records an attestation id (`iss` and `jti`) as used until `expiry`; false when it
    /// was already used and has not expired. Shared by every process on the store, so a
    /// token replayed to another API process is refused too.
    public func claimAttestationID(_ id: String, until expiry: Date, now: Date) async throws -> Bool {
        let nowMilliseconds = now.storeMilliseconds
        return try await database.transaction { db in
            try await db.delete(from: "used_attestations").where("expires_at", .lessThanOrEqual, nowMilliseconds).run()
            return try await db.insert(into: "used_attestations").columns("id", "expires_at")
                .values(SQLBind(id), SQLBind(expiry.storeMilliseconds))
                .ignoringConflicts(with: ["id"])
                .returning("id").first() != nil
        }
    }
}
