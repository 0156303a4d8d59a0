import Foundation
import SQLKit
import VouchEncoding

extension Store {
    /// The 32-byte secret named `name`, made at random by whichever process asks first and
    /// the same for every process on this store afterwards.
    public func sharedSecret(named name: String) async throws -> Data {
        let candidate = RandomSecret.bytes(32)
        let now = nowMilliseconds
        return try await database.transaction { db in
            try await db.insert(into: "shared_secrets").columns("name", "secret", "created_at")
                .values(SQLBind(name), SQLBind(candidate), SQLBind(now)).ignoringConflicts(with: ["name"]).run()
            guard let row = try await db.select().column("secret").from("shared_secrets").where("name", .equal, name).first() else {
                throw StoreError.corruptRecord("shared secret '\(name)'")
            }
            return try row.decode(column: "secret", as: Data.self)
        }
    }
}
