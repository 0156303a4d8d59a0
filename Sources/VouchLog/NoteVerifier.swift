import Crypto
import Foundation

/// A log's public key in the C2SP signed-note encoding (`name+hash+base64(0x01‖key)`):
/// what a shopper, an auditor or `vouch verify` needs, and all they need, to check the
/// log's checkpoints.
public struct NoteVerifier: Sendable, Equatable {
    public let name: String
    /// The first four bytes, big-endian, of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key).
    public let keyID: UInt32
    let publicKey: [UInt8]

    static let ed25519: UInt8 = 0x01

    init(name: String, publicKey: [UInt8]) throws(NoteError) {
        guard Self.isValidName(name) else { throw .malformedKey("the name must be non-empty, without spaces or '+'") }
        self.name = name
        self.publicKey = publicKey
        keyID = Self.keyID(name: name, publicKey: publicKey)
    }

    /// Parses `name+hash+base64`, checking that the hash matches the name and key.
    public init(parsing text: String) throws(NoteError) {
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].count == 8, let id = UInt32(parts[1], radix: 16),
              let encoded = Data(base64Encoded: String(parts[2])), encoded.count == 33, encoded.first == Self.ed25519
        else { throw .malformedKey("expected name+hash+base64 of an Ed25519 key (type 0x01)") }
        try self.init(name: String(parts[0]), publicKey: Array(encoded.dropFirst()))
        guard keyID == id else { throw .malformedKey("the key hash \(parts[1]) does not match the name and key") }
        guard (try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)) != nil else { throw .malformedKey("not an Ed25519 public key") }
    }

    /// The key as `name+hash+base64`, to publish.
    public var encoded: String {
        "\(name)+\(String(format: "%08x", keyID))+\(Data([Self.ed25519] + publicKey).base64EncodedString())"
    }

    /// The text of `note` when it carries a valid signature by this key; other signatures
    /// (a witness's cosignature, say) are allowed and ignored.
    public func open(_ note: String) throws(NoteError) -> String {
        guard let separator = note.range(of: "\n\n", options: .backwards) else { throw .malformedNote("no blank line before the signatures") }
        let text = String(note[..<separator.lowerBound]) + "\n"
        let signatures = note[separator.upperBound...]
        guard signatures.hasSuffix("\n") else { throw .malformedNote("the signature block must end with a newline") }
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { throw .malformedKey("not an Ed25519 public key") }
        for line in signatures.dropLast().split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("— ") else { throw .malformedNote("a signature line must start with an em dash and a space") }
            let fields = line.dropFirst(2).split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 2, let blob = Data(base64Encoded: String(fields[1])), blob.count > 4 else {
                throw .malformedNote("a signature line must be '— name base64'")
            }
            let id = blob.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            if fields[0] == name, id == keyID, blob.count == 68, key.isValidSignature(blob.dropFirst(4), for: Data(text.utf8)) {
                return text
            }
        }
        throw .noValidSignature(keyName: name)
    }

    static func keyID(name: String, publicKey: [UInt8]) -> UInt32 {
        let digest = SHA256.hash(data: Array(name.utf8) + [0x0A, ed25519] + publicKey)
        return digest.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("+") && !name.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 }
    }
}
