import Testing
import VouchFingerprint
@testable import VouchIndex
import VouchTestSupport

extension UInt64 {
    /// The word with `count` distinct bits of the low 63 flipped.
    func flipping(_ count: Int, _ generator: inout SeededGenerator) -> UInt64 {
        Array(0..<63).shuffled(using: &generator).prefix(count).reduce(self) { $0 ^ (1 << UInt64($1)) }
    }
}

/// Copies that show only part of a frame share no frame hash with their
/// original, only some local features: the index must still propose them.
@Suite struct FeatureSearchTests {
    /// References whose every other frame carries 64 random features.
    static let references: [VideoFingerprint] = (0..<300).map { index in
        GeneratedClips.reference(seed: UInt64(index) + 1, seconds: 10).withFeatures(seed: UInt64(index) + 1000)
    }

    /// A reframed copy: fresh frame hashes, and on each featured frame `kept` of
    /// the original's stored features among fresh ones, each `distance` bits off.
    static func reframed(_ reference: VideoFingerprint, kept: Int, distance: Int, mirrored: Bool = false, seed: UInt64) -> VideoFingerprint {
        var generator = SeededGenerator(seed: seed)
        var copy = GeneratedClips.copy(of: reference, seconds: reference.duration, seed: seed) { _ in 128 }
        for index in copy.frames.indices where !reference.frames[index].features.isEmpty {
            let original = reference.frames[index].features.prefix(IndexSettings().featuresStoredPerFrame)
            var features = (0..<64).map { _ in LocalFeature(hash: generator.next() >> 1, mirrored: generator.next() >> 1) }
            for (slot, feature) in original.shuffled(using: &generator).prefix(kept).enumerated() {
                let shown = feature.hash.flipping(distance, &generator)
                features[slot * 5] = mirrored ? LocalFeature(hash: generator.next() >> 1, mirrored: shown) : LocalFeature(hash: shown, mirrored: generator.next() >> 1)
            }
            copy.frames[index].features = features
        }
        return copy
    }

    static func index() throws -> NearDuplicateIndex {
        try NearDuplicateIndex(loading: references.enumerated().map { (clipID: Int64($0.offset), fingerprint: $0.element) })
    }

    @Test(arguments: [false, true])
    func proposesReframedCopiesByTheirFeatures(mirrored: Bool) async throws {
        let index = try Self.index()
        for target in stride(from: 0, to: 300, by: 37) {
            let copy = Self.reframed(Self.references[target], kept: 2, distance: 6, mirrored: mirrored, seed: UInt64(target))
            let candidates = await index.candidates(for: copy)
            #expect(candidates.first?.clipID == Int64(target))
            #expect(candidates.first?.symmetry == (mirrored ? .mirror : .identity))
        }
    }

    @Test func findsEveryFeaturePairThePigeonholeGuarantees() async throws {
        let snapshot = try await Self.index().snapshot
        var near = 0
        for (target, distance) in [(3, 1), (150, 2), (299, 6)] {
            let copy = Self.reframed(Self.references[target], kept: 4, distance: distance, seed: UInt64(target) + 7)
            let found = Set(snapshot.frameHits(for: copy))
            let exhaustive = snapshot.frameHits(for: copy, exhaustive: true)
            #expect(found.isSubset(of: Set(exhaustive)))
            let guaranteed = exhaustive.filter { $0.distance <= 2 * FeatureProbe.distanceScale }
            near += guaranteed.count
            #expect(guaranteed.allSatisfy(found.contains))
        }
        #expect(near > 0, "the copies should include pairs within the guarantee")
    }

    @Test func storesOnlyTheStrongestFeaturesOfSparseFrames() throws {
        let settings = IndexSettings(featuresStoredPerFrame: 5, featureInterval: 2)
        let rows = try SegmentBuilder.rows(of: Self.references[0], clipID: 0, settings: settings)
        // 10 s with features every second, one frame in two seconds stored: 5 frames of 5.
        #expect(rows.features.count == 25)
        #expect(rows.features.map(\.0).prefix(5) == Self.references[0].frames[0].features.prefix(5).map(\.hash)[...])
        #expect(Set(rows.features.map(\.1)) == [0, 20, 40, 60, 80])
    }

    @Test func unrelatedClipsAndRemovedOnesAreNotProposed() async throws {
        let index = try Self.index()
        let stranger = Self.reframed(GeneratedClips.reference(seed: 77_777, seconds: 10).withFeatures(seed: 9), kept: 0, distance: 0, seed: 3)
        #expect(await index.candidates(for: stranger).isEmpty)
        let copy = Self.reframed(Self.references[42], kept: 3, distance: 4, seed: 42)
        #expect(await index.candidates(for: copy).first?.clipID == 42)
        await index.remove(clipID: 42)
        #expect(await !index.candidates(for: copy).contains { $0.clipID == 42 })
    }

    @Test func mergesKeepFeatures() async throws {
        let index = NearDuplicateIndex()
        for (id, clip) in Self.references.prefix(40).enumerated() { try await index.insert(clipID: Int64(id), fingerprint: clip) }
        await index.mergesFinished()
        let copy = Self.reframed(Self.references[17], kept: 3, distance: 4, seed: 17)
        #expect(await index.candidates(for: copy).first?.clipID == 17)
    }
}

extension VideoFingerprint {
    /// The clip with 64 random features on every other frame.
    func withFeatures(seed: UInt64) -> VideoFingerprint {
        var generator = SeededGenerator(seed: seed)
        var clip = self
        for frame in stride(from: 0, to: clip.frames.count, by: 2) {
            clip.frames[frame].features = (0..<64).map { _ in LocalFeature(hash: generator.next() >> 1, mirrored: generator.next() >> 1) }
        }
        return clip
    }
}
