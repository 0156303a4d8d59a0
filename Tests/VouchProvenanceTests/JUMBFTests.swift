import Foundation
import Testing
@testable import VouchProvenance

@Suite struct JUMBFTests {
    /// A box: 4-byte length, type, payload.
    static func box(_ type: String, _ payload: Data) -> Data {
        var data = Data()
        let length = UInt32(8 + payload.count)
        data.append(contentsOf: withUnsafeBytes(of: length.bigEndian, Array.init))
        data.append(contentsOf: Array(type.utf8))
        return data + payload
    }

    /// A superbox with a description of content type `code` and `label`, around `contents`.
    static func superbox(_ code: String, label: String, _ contents: Data = Data()) -> Data {
        var description = Data(code.utf8) + Data([0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71])
        description.append(0x03)
        description.append(contentsOf: Array(label.utf8) + [0])
        return box("jumb", box("jumd", description) + contents)
    }

    @Test func parsesLabelsTypesAndContents() throws {
        let store = try JUMBFBox.parse(Self.superbox("c2pa", label: "c2pa", Self.superbox("cbor", label: "x", Self.box("cbor", Data([0xA0])))))
        #expect(store.contentTypeCode == "c2pa" && store.label == "c2pa")
        #expect(store.child(labelled: "x")?.content("cbor") == Data([0xA0]))
    }

    @Test func nestingIsBounded() {
        var nested = Self.superbox("c2pa", label: "leaf")
        for depth in 0..<40 { nested = Self.superbox("c2pa", label: "level \(depth)", nested) }
        #expect(throws: ProvenanceError.malformed("JUMBF nested deeper than 16")) { try JUMBFBox.parse(nested) }
    }

    /// Boxes that lie about themselves, each as hex (`6a756d62` is "jumb", `6a756d64` "jumd", `63626f72` "cbor").
    static let hostile: [(String, String)] = [
        ("a length past the end", "000010006a756d62"),
        ("a length shorter than its header", "000000046a756d62"),
        ("a 64-bit length past the end", "000000016a756d62ff00000000000000"),
        ("a cut-off 64-bit length", "000000016a756d6200"),
        ("stray bytes", "0000"),
        ("no description", "000000116a756d620000000963626f72a0"),
        ("a label without its terminator", "000000236a756d620000001b6a756d64" + String(repeating: "41", count: 16) + "0341"),
        ("a short description", "000000116a756d62000000096a756d6401"),
    ]

    @Test(arguments: hostile)
    func hostileBoxesAreMalformed(_ name: String, _ hex: String) {
        let bytes = Data(stride(from: 0, to: hex.count, by: 2).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16) ?? 0
        })
        #expect(throws: ProvenanceError.self, "\(name)") { try JUMBFBox.parse(bytes) }
    }

    @Test func aStoreWithoutAManifestIsMalformed() {
        #expect(throws: ProvenanceError.malformed("the store holds no manifest")) {
            try ManifestStore(jumbf: Self.superbox("c2pa", label: "c2pa"))
        }
    }
}
