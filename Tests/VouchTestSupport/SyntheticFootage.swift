import VouchFingerprint

/// Fingerprints of made-up footage, for common-content tests: each piece is seeded random
/// pictures (unrelated pieces sit near PDQ distance 128), and clips are pieces played one
/// after another, every frame re-encoded (a few bits flipped) as an upload would be.
public enum SyntheticFootage {
    /// `seconds` of footage at 2 frames a second, no two pieces alike unless their seeds are.
    public static func piece(seed: UInt64, seconds: Double) -> VideoFingerprint {
        var generator = SeededGenerator(seed: seed)
        let frames = stride(from: 0.0, to: seconds - 0.01, by: 0.5).map { time in
            FrameHash(timestamp: time, quality: 100, pdq: randomPicture(&generator), variants: (0..<7).map { _ in randomPicture(&generator) })
        }
        return VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: seconds, frames: frames)
    }

    /// `pieces` one after another, re-encoded with `noiseSeed`.
    public static func clip(_ pieces: [VideoFingerprint], noiseSeed: UInt64) -> VideoFingerprint {
        var generator = SeededGenerator(seed: noiseSeed)
        var frames: [FrameHash] = []
        var start = 0.0
        for piece in pieces {
            for frame in piece.frames {
                var shown = frame
                shown.timestamp = start + frame.timestamp
                shown.pdq = reencoded(frame.pdq, &generator)
                shown.variants = frame.variants.map { reencoded($0, &generator) }
                frames.append(shown)
            }
            start += piece.duration
        }
        return VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: start, frames: frames)
    }

    private static func randomPicture(_ generator: inout SeededGenerator) -> PDQHash {
        PDQHash(words: (generator.next(), generator.next(), generator.next(), generator.next()))
    }

    /// Eight bits flipped at random: a re-encode moves a PDQ hash a few bits.
    private static func reencoded(_ hash: PDQHash, _ generator: inout SeededGenerator) -> PDQHash {
        var bits = (0..<256).map { hash[bit: $0] }
        for _ in 0..<8 { bits[generator.below(256)].toggle() }
        return PDQHash(bits: bits)
    }
}
