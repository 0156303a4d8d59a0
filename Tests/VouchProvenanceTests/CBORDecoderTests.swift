import Foundation
import Testing
@testable import VouchProvenance

@Suite struct CBORDecoderTests {
    let decoder = CBORDecoder()

    @Test func decodesTheItemsC2PAUses() throws {
        // {"alg": "sha256", 1: -7, "h": h'0102', "a": [true, null]}
        let bytes = Data([0xA4, 0x63, 0x61, 0x6C, 0x67, 0x66, 0x73, 0x68, 0x61, 0x32, 0x35, 0x36, 0x01, 0x26,
                          0x61, 0x68, 0x42, 0x01, 0x02, 0x61, 0x61, 0x82, 0xF5, 0xF6])
        let value = try decoder.decode(bytes)
        #expect(value["alg"]?.text == "sha256")
        #expect(value[label: 1]?.int == -7)
        #expect(value["h"]?.bytes == Data([1, 2]))
        #expect(value["a"] == .array([.bool(true), .null]))
    }

    @Test func tagsAreKeptAndSeenThrough() throws {
        let value = try decoder.decode(Data([0xD2, 0x80]))
        #expect(value == .tagged(18, .array([])))
        #expect(value.untagged == .array([]))
    }

    @Test(arguments: [
        ("truncated string", Data([0x45, 0x01])),
        ("array longer than the input", Data([0x9B, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])),
        ("map longer than the input", Data([0xBA, 0xFF, 0xFF, 0xFF, 0xFF, 0x00])),
        ("indefinite length", Data([0x9F, 0xFF])),
        ("trailing bytes", Data([0x01, 0x02])),
        ("empty", Data()),
        ("invalid UTF-8", Data([0x61, 0xFF])),
        ("reserved simple value", Data([0xFC])),
    ])
    func hostileInputIsMalformed(_ name: String, _ bytes: Data) {
        #expect(throws: ProvenanceError.self, "\(name)") { try decoder.decode(bytes) }
    }

    @Test func nestingIsBounded() {
        let deep = Data(repeating: 0x81, count: 10_000) + Data([0x00])
        #expect(throws: ProvenanceError.malformed("CBOR nested deeper than 32")) { try decoder.decode(deep) }
    }

    @Test func itemCountIsBounded() {
        var limited = CBORDecoder()
        limited.maxItems = 10
        let array = Data([0x8F]) + Data(repeating: 0x00, count: 15)
        #expect(throws: ProvenanceError.self) { try limited.decode(array) }
    }
}
