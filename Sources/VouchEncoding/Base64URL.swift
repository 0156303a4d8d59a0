import ExtrasBase64
import Foundation

extension Data {
    /// Decodes base64url (RFC 4648 §5), with or without padding, as JWTs and keys use it;
    /// nil for anything else.
    public init?(base64URLEncoded text: String) {
        // Omitting padding is allowed, not required: the decoder still reads a padded last group.
        guard let bytes = try? Base64.decode(string: text, options: [.base64UrlAlphabet, .omitPaddingCharacter]) else {
            return nil
        }
        self.init(bytes)
    }
}

extension Collection<UInt8> {
    /// The bytes as base64url (RFC 4648 §5) without padding, as JWTs, keys and URL-safe
    /// secrets carry them.
    public var base64URLEncodedString: String {
        Base64.encodeToString(bytes: self, options: [.base64UrlAlphabet, .omitPaddingCharacter])
    }
}
