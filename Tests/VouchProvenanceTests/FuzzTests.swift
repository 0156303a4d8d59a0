import Foundation
import Testing
import VouchProvenance
import VouchTestSupport

/// The verifier reads untrusted bytes: mutated credentials must give a typed result, never
/// a crash, a hang or a `valid` verdict for changed media.
@Suite struct FuzzTests {
    static let iterations = 400

    @Test func mutatedFixturesGiveTypedResults() async throws {
        let verifier = try ProvenanceVerifier(trustAnchorFiles: [try C2PAFixture.trustAnchorPath])
        let originals = try [C2PAFixture.capture, .aiGenerated, .untrusted, .ps256, .ed25519].map { Array(try Data(contentsOf: URL(fileURLWithPath: try $0.path))) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-c2pa-fuzz-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var random = SeededGenerator(seed: 0xC2FA)
        var states: [Provenance.State: Int] = [:]
        for iteration in 0..<Self.iterations {
            let original = originals[iteration % originals.count]
            let (bytes, changedMedia) = Self.mutate(original, iteration: iteration, using: &random)
            let url = scratch.appendingPathComponent("\(iteration).mp4")
            try Data(bytes).write(to: url)
            let provenance = await verifier.verify(fileAt: url)
            states[provenance.state, default: 0] += 1
            if changedMedia { #expect(provenance.state == .invalid, "iteration \(iteration): a changed mdat gave \(provenance.state)") }
        }
        // The mutations must reach the parser's failure paths, not only the happy one.
        #expect(states[.invalid, default: 0] > Self.iterations / 4, "\(states)")
    }

    /// One of: flip bytes inside the manifest store, flip a byte of the media data, truncate,
    /// or inflate a box length field (JUMBF and CBOR headers included).
    static func mutate(_ original: [UInt8], iteration: Int, using random: inout SeededGenerator) -> ([UInt8], Bool) {
        var bytes = original
        let store = topLevelBox("uuid", in: bytes) ?? 0..<bytes.count
        switch iteration % 5 {
        case 0, 1:
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: store.lowerBound - 4..<min(store.upperBound, store.lowerBound + 4_000), using: &random)
                bytes[at] ^= UInt8.random(in: 1...255, using: &random)
            }
            return (bytes, false)
        case 2:
            guard let mdat = topLevelBox("mdat", in: bytes), mdat.count > 8 else { return (bytes, false) }
            let at = Int.random(in: mdat.lowerBound + 8..<mdat.upperBound, using: &random)
            bytes[at] ^= 0x01
            return (bytes, true)
        case 3:
            return (Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random))), false)
        default:
            let markers = ["jumb", "jumd", "cbor", "uuid", "moov", "c2pa"].map { Array($0.utf8) }
            let marker = markers[Int.random(in: 0..<markers.count, using: &random)]
            guard let at = range(of: marker, in: bytes), at >= 4 else { return (bytes, false) }
            let inflated: [UInt8] = [[0xFF, 0xFF, 0xFF, 0xFF], [0x00, 0x00, 0x00, 0x01], [0x00, 0x00, 0x00, 0x00], [0x7F, 0x00, 0x00, 0x00]][Int.random(in: 0..<4, using: &random)]
            bytes.replaceSubrange(at - 4..<at, with: inflated)
            return (bytes, false)
        }
    }

    /// The bytes of the first top-level box of `type` (32-bit sizes only: the fixtures are small).
    static func topLevelBox(_ type: String, in bytes: [UInt8]) -> Range<Int>? {
        var offset = 0
        while offset + 8 <= bytes.count {
            let size = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            guard size >= 8, offset + size <= bytes.count else { return nil }
            if bytes[offset + 4..<offset + 8].elementsEqual(type.utf8) { return offset..<offset + size }
            offset += size
        }
        return nil
    }

    static func range(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
    }
}
