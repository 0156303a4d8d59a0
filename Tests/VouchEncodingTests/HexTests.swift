import Crypto
import Foundation
import Testing
import VouchEncoding

@Suite("Hex")
struct HexTests {
    @Test("the SHA-256 of \"abc\" is FIPS 180-2's vector")
    func knownDigest() {
        #expect(SHA256.hash(data: Data("abc".utf8)).hexEncodedString == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("every byte is two lowercase digits, leading zeros kept")
    func everyByte() {
        #expect([UInt8]().hexEncodedString == "")
        #expect([0x00, 0x0f, 0xa0, 0xff].hexEncodedString == "000fa0ff")
        #expect(Data((0...255).map(UInt8.init)).hexEncodedString == (0...255).map { String(format: "%02x", $0) }.joined())
    }
}
