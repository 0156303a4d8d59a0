import Crypto
import Foundation
import VouchEncoding

/// Random 256-bit secrets for session ids and CSRF tokens, as base64url text, and the
/// SHA-256 under which the store keeps a session id.
enum SessionSecret {
    static func generate() -> String {
        RandomSecret.bytes(32).base64URLEncodedString
    }

    /// The key a session is stored under: a copy of the table does not reveal live ids.
    static func storageKey(of secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).hexEncodedString
    }
}
