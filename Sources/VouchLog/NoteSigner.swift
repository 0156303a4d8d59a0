import Crypto
import Foundation

/// The log's private key in the signed-note encoding (`PRIVATE+KEY+name+hash+base64(0x01‖seed)`,
/// as Go's `golang.org/x/mod/sumdb/note` writes it), and the signing of notes with it.
public struct NoteSigner: Sendable {
    public let verifier: NoteVerifier
    private let key: Curve25519.Signing.PrivateKey

    /// A signer for `name` with `key`.
    public init(name: String, key: Curve25519.Signing.PrivateKey) throws(NoteError) {
        self.key = key
        verifier = try NoteVerifier(name: name, publicKey: Array(key.publicKey.rawRepresentation))
    }

    /// A new random key for `name`.
    public static func generate(name: String) throws(NoteError) -> NoteSigner {
        try NoteSigner(name: name, key: Curve25519.Signing.PrivateKey())
    }

    /// Parses `PRIVATE+KEY+name+hash+base64`, checking the hash.
    public init(parsing text: String) throws(NoteError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = trimmed.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY", parts[3].count == 8, let id = UInt32(parts[3], radix: 16),
              let encoded = Data(base64Encoded: String(parts[4])), encoded.count == 33, encoded.first == NoteVerifier.ed25519,
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: encoded.dropFirst())
        else { throw .malformedKey("expected PRIVATE+KEY+name+hash+base64 of an Ed25519 seed (type 0x01)") }
        try self.init(name: String(parts[2]), key: key)
        guard verifier.keyID == id else { throw .malformedKey("the key hash \(parts[3]) does not match the name and key") }
    }

    /// The private key as `PRIVATE+KEY+name+hash+base64`, for the key file.
    public var encoded: String {
        "PRIVATE+KEY+\(verifier.name)+\(String(format: "%08x", verifier.keyID))+\(Data([NoteVerifier.ed25519] + key.rawRepresentation).base64EncodedString())"
    }

    /// `text` (which must end with a newline) signed: the text, a blank line, and one
    /// signature line.
    public func sign(_ text: String) throws(NoteError) -> String {
        guard text.hasSuffix("\n") else { throw .malformedNote("the text must end with a newline") }
        guard let signature = try? key.signature(for: Data(text.utf8)) else { throw .malformedNote("signing failed") }
        let id = withUnsafeBytes(of: verifier.keyID.bigEndian) { Array($0) }
        return text + "\n— \(verifier.name) \(Data(id + Array(signature)).base64EncodedString())\n"
    }
}
