import Crypto
import Foundation
import VouchEncoding

/// Encrypts the secrets the store must be able to read back (webhook signing secrets,
/// which a hash could not replace) under a key-encryption key that the database never
/// holds: someone with a copy of the database, or read access to it, learns no secret,
/// and cannot forge the signatures platforms check.
///
/// Sealed text is `sealed-v1:` and the base64 of AES-256-GCM's nonce, ciphertext and tag.
/// Text without the prefix is a secret from before sealing, read as it is and sealed the
/// next time the store opens with a key.
public struct SecretSeal: Sendable {
    private let key: SymmetricKey?
    static let prefix = "sealed-v1:"

    /// No key: secrets are stored as they are. For tests and tools that never keep one.
    public static let none = SecretSeal(key: nil)

    /// Seals under a 256-bit key.
    public init(keyData: Data) throws(StoreError) {
        guard keyData.count == 32 else { throw .invalidLocation("the secret key", reason: "it must be 32 bytes, not \(keyData.count)") }
        self.init(key: SymmetricKey(data: keyData))
    }

    private init(key: SymmetricKey?) {
        self.key = key
    }

    var hasKey: Bool { key != nil }

    /// A new key for this seal: 32 random bytes, for AES-256.
    public static func newKey() -> Data {
        RandomSecret.bytes(32)
    }

    func seal(_ secret: String) throws -> String {
        guard let key else { return secret }
        guard let combined = try AES.GCM.seal(Data(secret.utf8), using: key).combined else {
            throw StoreError.corruptRecord("sealed secret")
        }
        return Self.prefix + combined.base64EncodedString()
    }

    func open(_ stored: String) throws -> String {
        guard stored.hasPrefix(Self.prefix) else { return stored }
        guard let key else { throw StoreError.secretSealed }
        guard let combined = Data(base64Encoded: String(stored.dropFirst(Self.prefix.count))),
              let box = try? AES.GCM.SealedBox(combined: combined),
              let plain = try? AES.GCM.open(box, using: key)
        else { throw StoreError.corruptRecord("sealed secret (sealed under another key?)") }
        return String(decoding: plain, as: UTF8.self)
    }
}
