import Crypto
import Foundation

/// Fresh secrets (API keys, session ids, webhook secrets, salts, sealing keys) from the
/// system's cryptographic generator, the one way Vouch makes them.
public enum RandomSecret {
    /// `count` random bytes.
    public static func bytes(_ count: Int) -> Data {
        SymmetricKey(size: SymmetricKeySize(bitCount: count * 8)).withUnsafeBytes { Data($0) }
    }
}
