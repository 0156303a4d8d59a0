import Foundation
import Testing
import VouchEncoding

@Suite("Base64URL")
struct Base64URLTests {
    /// RFC 4648 §10's vectors, without their padding.
    static let vectors = [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")]

    @Test("RFC 4648 vectors encode without padding", arguments: vectors)
    func encodes(plain: String, encoded: String) {
        #expect(Data(plain.utf8).base64URLEncodedString == encoded)
    }

    @Test("RFC 4648 vectors decode with or without padding", arguments: vectors)
    func decodes(plain: String, encoded: String) {
        let padded = encoded + String(repeating: "=", count: (4 - encoded.count % 4) % 4)
        #expect(Data(base64URLEncoded: encoded) == Data(plain.utf8))
        #expect(Data(base64URLEncoded: padded) == Data(plain.utf8))
    }

    @Test("the URL alphabet replaces + and / with - and _")
    func urlAlphabet() {
        #expect(Data([0xfb, 0xff, 0xbf]).base64URLEncodedString == "-_-_")
        #expect(Data(base64URLEncoded: "-_-_") == Data([0xfb, 0xff, 0xbf]))
    }

    @Test("text that is not base64url decodes to nil")
    func rejects() {
        #expect(Data(base64URLEncoded: "+/+/") == nil)
        #expect(Data(base64URLEncoded: "Z") == nil)
        #expect(Data(base64URLEncoded: "Zm9v!") == nil)
    }
}
