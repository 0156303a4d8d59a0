import Testing
import VouchFingerprint
@testable import VouchIndex
import VouchTestSupport

@Suite struct SegmentSearchTests {
    static let references = (0..<200).map { GeneratedClips.reference(seed: UInt64($0) + 1, seconds: 10) }

    static func snapshot(probeRadius: Int) async throws -> IndexSnapshot {
        let clips = references.enumerated().map { (clipID: Int64($0.offset), fingerprint: $0.element) }
        return try await NearDuplicateIndex(loading: clips, settings: IndexSettings(probeRadius: probeRadius)).snapshot
    }

    /// Copies of a few references, each frame at a distance drawn from 0–31.
    static func queries() -> [VideoFingerprint] {
        (0..<12).map { index in
            var generator = SeededGenerator(seed: UInt64(index) + 500)
            return GeneratedClips.copy(of: references[index * 13], from: 2, seconds: 6, seed: UInt64(index)) { _ in
                Int(generator.next() % 32)
            }
        }
    }

    @Test(arguments: [(0, 7), (1, 15)])
    func findsEveryPairTheChunksGuarantee(probeRadius: Int, guaranteed: Int) async throws {
        let snapshot = try await Self.snapshot(probeRadius: probeRadius)
        for query in Self.queries() {
            let found = Set(snapshot.frameHits(for: query))
            let exhaustive = snapshot.frameHits(for: query, exhaustive: true)
            #expect(found.isSubset(of: Set(exhaustive)))
            #expect(exhaustive.filter { $0.distance <= guaranteed }.allSatisfy(found.contains))
            #expect(exhaustive.contains { $0.distance > guaranteed }, "the queries should test pairs past the guarantee too")
        }
    }

    @Test func reportsNoPairBeyondTheRadius() async throws {
        let snapshot = try await Self.snapshot(probeRadius: 1)
        let hits = Self.queries().flatMap { snapshot.frameHits(for: $0) }
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.distance <= snapshot.settings.radius })
    }

    /// Pairs built against the pigeonhole bound: flips in the key bits of every chunk but one
    /// are found, flips in all eight are not, at either probe radius.
    @Test(arguments: [0, 1])
    func theGuaranteeIsTight(probeRadius: Int) async throws {
        let snapshot = try await Self.snapshot(probeRadius: probeRadius)
        let original = Self.references[7].frames[4]
        func keyBits(inChunks chunks: Range<Int>) -> [Int] {
            chunks.flatMap { chunk in (0...probeRadius).map { chunk * 32 + 19 - $0 } }
        }
        for (chunks, shouldFind) in [(0..<7, true), (1..<8, true), (0..<8, false)] {
            let hash = original.pdq.flipping(bits: keyBits(inChunks: chunks))
            let probe = FrameHash(timestamp: 0, quality: 100, pdq: hash)
            let query = VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: 1, frames: [probe])
            let found = snapshot.frameHits(for: query).contains { $0.clipID == 7 && $0.referenceTime == original.timestamp }
            #expect(found == shouldFind, "chunks \(chunks) flipped, distance \(hash.distance(to: original.pdq))")
        }
    }
}
