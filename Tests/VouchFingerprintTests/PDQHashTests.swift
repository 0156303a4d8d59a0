import Foundation
import Testing
import VouchFingerprint

@Suite struct PDQHashTests {
    let hex = "fe8100beffb2924db649924db649924db64902ffb2c9b649fe004db64db65d10"

    @Test func roundTripsThroughHex() throws {
        let hash = try #require(PDQHash(hex: hex))
        #expect(hash.hex == hex)
        #expect(hash[bit: 4] == true, "the last hex digit 0 holds bits 0-3, the one before it (1) holds bit 4")
        #expect(hash[bit: 0] == false)
        #expect(hash[bit: 255] == true, "the first digit f holds bits 252-255")
    }

    @Test func rejectsMalformedHex() {
        #expect(PDQHash(hex: "abc") == nil)
        #expect(PDQHash(hex: String(repeating: "g", count: 64)) == nil)
    }

    @Test func countsDifferingBits() throws {
        let hash = try #require(PDQHash(hex: hex))
        var bits = (0..<256).map { hash[bit: $0] }
        for index in [0, 63, 64, 200, 255] { bits[index].toggle() }
        #expect(hash.distance(to: PDQHash(bits: bits)) == 5)
        #expect(hash.distance(to: hash) == 0)
    }

    @Test func encodesAsHexInJSON() throws {
        let hash = try #require(PDQHash(hex: hex))
        let data = try JSONEncoder().encode([hash])
        #expect(String(decoding: data, as: UTF8.self) == "[\"\(hex)\"]")
        #expect(try JSONDecoder().decode([PDQHash].self, from: data) == [hash])
    }

    @Test func hashesTooSmallImagesToZero() {
        let (hash, quality) = PDQ.hash(LumaImage(width: 4, height: 100, values: Array(repeating: 9, count: 400)))
        #expect(hash == .zero && quality == 0)
    }

    @Test func aFlatImageHasNoQuality() {
        #expect(PDQ.hash(LumaImage(width: 100, height: 80, values: Array(repeating: 128, count: 8000))).quality == 0)
    }
}
