import VouchFingerprint
import VouchTestSupport

extension PDQHash {
    static func random(_ generator: inout SeededGenerator) -> PDQHash {
        PDQHash(words: (generator.next(), generator.next(), generator.next(), generator.next()))
    }

    /// The hash with exactly `count` distinct bits flipped, chosen at random.
    func flipping(_ count: Int, _ generator: inout SeededGenerator) -> PDQHash {
        flipping(bits: Array((0..<256).shuffled(using: &generator).prefix(count)))
    }

    func flipping(bits: [Int]) -> PDQHash {
        var limbs = [words.0, words.1, words.2, words.3]
        for bit in bits { limbs[bit >> 6] ^= 1 << UInt64(bit & 63) }
        return PDQHash(words: (limbs[0], limbs[1], limbs[2], limbs[3]))
    }
}

/// Fingerprints made from seeded random hashes: unrelated clips sit near distance
/// 128 from each other, and copies at exactly the distances a test asks for.
enum GeneratedClips {
    /// `seconds` of unrelated frames at 2 a second, with random dihedral variants.
    static func reference(seed: UInt64, seconds: Int = 15) -> VideoFingerprint {
        var generator = SeededGenerator(seed: seed)
        let frames = (0..<(seconds * 2)).map { index in
            FrameHash(timestamp: Double(index) / 2, quality: 100, pdq: .random(&generator),
                      variants: (0..<7).map { _ in .random(&generator) })
        }
        return VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: Double(seconds), frames: frames)
    }

    /// A copy whose frame at query time t shows the reference at `start + t`, frame
    /// `k` at distance `distance(k)` from the original; mirrored copies carry the
    /// original in their mirror variant.
    static func copy(
        of reference: VideoFingerprint, from start: Double = 0, seconds: Double, mirrored: Bool = false,
        seed: UInt64 = 99, distance: (Int) -> Int
    ) -> VideoFingerprint {
        var generator = SeededGenerator(seed: seed)
        let mirror = Dihedral.allCases.firstIndex(of: .mirror)! - 1
        let frames = stride(from: 0.0, to: seconds, by: 0.5).enumerated().compactMap { index, time -> FrameHash? in
            guard let source = reference.frames.first(where: { abs($0.timestamp - (start + time)) < 0.01 }) else { return nil }
            let shown = source.pdq.flipping(distance(index), &generator)
            var variants = (0..<7).map { _ in PDQHash.random(&generator) }
            if mirrored { variants[mirror] = shown }
            return FrameHash(timestamp: time, quality: 90, pdq: mirrored ? .random(&generator) : shown, variants: variants)
        }
        return VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: seconds, frames: frames)
    }
}
