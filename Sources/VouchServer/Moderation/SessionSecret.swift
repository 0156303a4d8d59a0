import Crypto
import Foundation

/// Random 256-bit secrets for session ids and CSRF tokens, as base64url text, and the
/// SHA-256 under which the store keeps a session id.
enum SessionSecret {
    static func generate() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The key a session is stored under: a copy of the table does not reveal live ids.
    static func storageKey(of secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
