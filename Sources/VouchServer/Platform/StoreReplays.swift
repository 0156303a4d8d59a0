import Foundation
import VouchIdentity
import VouchStore

/// Used attestation ids, kept in the store so that every API process on it refuses a replay.
struct StoreReplays: ReplayStore {
    let store: Store

    func claim(_ jti: String, until expiry: Date, now: Date) async throws -> Bool {
        try await store.claimAttestationID(jti, until: expiry, now: now)
    }
}
