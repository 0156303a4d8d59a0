import Foundation
import Testing
import VouchEncoding

@Suite("JSONEncoder+Vouch")
struct JSONEncoderTests {
    struct Sample: Encodable {
        let url = "https://example.com/a"
        let at = Date(timeIntervalSince1970: 0)
        let count = 2
    }

    @Test("answers sort keys, keep slashes and write ISO 8601 dates")
    func answer() throws {
        #expect(String(decoding: try JSONEncoder.answer.encode(Sample()), as: UTF8.self)
            == #"{"at":"1970-01-01T00:00:00Z","count":2,"url":"https://example.com/a"}"#)
    }

    @Test("documents sort keys, keep slashes and write Foundation's dates")
    func document() throws {
        #expect(String(decoding: try JSONEncoder.document.encode(Sample()), as: UTF8.self)
            == #"{"at":-978307200,"count":2,"url":"https://example.com/a"}"#)
    }

    @Test("sortedKeys sorts keys and escapes slashes")
    func sortedKeys() throws {
        #expect(String(decoding: try JSONEncoder.sortedKeys.encode(Sample()), as: UTF8.self)
            == #"{"at":-978307200,"count":2,"url":"https:\/\/example.com\/a"}"#)
    }

    @Test("each access is a fresh encoder, so changing one changes no other")
    func fresh() {
        JSONEncoder.document.outputFormatting = .prettyPrinted
        #expect(JSONEncoder.document.outputFormatting == [.sortedKeys, .withoutEscapingSlashes])
    }

    @Test("text(of:) is the encoded bytes as UTF-8 text")
    func text() throws {
        #expect(try JSONEncoder.document.text(of: ["path": "a/é"]) == #"{"path":"a/é"}"#)
    }
}
