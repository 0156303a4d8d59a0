import Testing
import VouchFingerprint
@testable import VouchIndex
import VouchTestSupport

@Suite struct QueryViewsTests {
    @Test func aMirroredCopyIsFoundThroughItsVariants() async throws {
        let reference = GeneratedClips.reference(seed: 21)
        let clips: [(clipID: Int64, fingerprint: VideoFingerprint)] = [(9, reference), (10, GeneratedClips.reference(seed: 22))]
        let index = try NearDuplicateIndex(loading: clips)
        let mirrored = GeneratedClips.copy(of: reference, from: 1, seconds: 6, mirrored: true) { $0 % 12 }
        let candidate = try #require(await index.candidates(for: mirrored).first)
        #expect(candidate.clipID == 9)
        #expect(candidate.symmetry == .mirror)
        #expect(candidate.votes == 12)
    }

    @Test func storesTheWholeFrameAndInsetsButNotTheVariants() async throws {
        var generator = SeededGenerator(seed: 5)
        let frames = (0..<4).map { index in
            FrameHash(timestamp: Double(index) / 2, quality: 100, pdq: .random(&generator),
                      variants: (0..<7).map { _ in .random(&generator) }, fullFrame: .random(&generator),
                      insets: [.random(&generator), .random(&generator)])
        }
        let lowQuality = FrameHash(timestamp: 2, quality: 10, pdq: .random(&generator))
        let reference = VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: 2.5, frames: frames + [lowQuality])
        let index = try NearDuplicateIndex(loading: [(clipID: Int64(1), fingerprint: reference)])
        #expect(await index.snapshot.hashCount == 4 * 4, "content box, whole frame and two insets per usable frame")

        for view in [\FrameHash.fullFrame, \FrameHash.insets.last] as [KeyPath<FrameHash, PDQHash?>] {
            let shown = frames.map { FrameHash(timestamp: $0.timestamp + 10, quality: 90, pdq: $0[keyPath: view]!.flipping(5, &generator)) }
            let query = VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: 12, frames: shown)
            let candidate = try #require(await index.candidates(for: query).first)
            #expect(candidate.votes == 4)
            #expect(abs(candidate.offset + 10) < 0.3)
        }
    }

    @Test func aQueryLooksUpEveryViewOfItsUsableFrames() {
        var generator = SeededGenerator(seed: 6)
        let frame = FrameHash(timestamp: 0, quality: 80, pdq: .random(&generator), variants: (0..<7).map { _ in .random(&generator) },
                              fullFrame: .random(&generator), insets: [.random(&generator)])
        let dark = FrameHash(timestamp: 0.5, quality: 0, pdq: .random(&generator))
        let probes = QueryProbe.probes(for: VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: 1, frames: [frame, dark]), minimumQuality: 50)
        #expect(probes.count == 8 + 1 + 1)
        #expect(Set(probes.map(\.symmetry)) == Set(Dihedral.allCases))
        #expect(probes.allSatisfy { $0.frame == 0 })
    }
}
