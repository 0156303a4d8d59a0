import VouchFingerprint

/// The clips and queries of `vouch bench index`, regenerated on demand from a seed,
/// so that 30M frame hashes stream into the index without being held twice.
///
/// A clip is a run of scenes of 4–8 s; each frame is its scene's picture with
/// 4–24 bits flipped, so neighbouring frames of a scene hit together, as in real
/// footage. Copies show a trimmed stretch of one clip, each frame at a distance
/// the query's profile draws; the other frames, and unrelated queries, are fresh.
struct SyntheticIndexCorpus {
    let clips: Int
    let frames: Int
    let seed: UInt64

    /// How a query relates to the index.
    enum Profile: String, CaseIterable, Codable {
        /// Every frame at a distance drawn evenly from 0–31.
        case spread
        /// Most frames close: 80% at 0–8, the rest at 9–31, as re-encodes are.
        case close
        /// Every frame at 24–31: the edge of the radius.
        case far
        /// Spread distances, mirrored: found only through the query's dihedral variants.
        case mirrored
        /// A 3 s stretch (six frames) inside other footage, spread distances.
        case partial
        /// No copy: what a query costs when nothing matches.
        case unrelated
    }

    struct Query {
        var profile: Profile
        /// The clip the query copies, if any.
        var target: Int?
        var fingerprint: VideoFingerprint
    }

    func reference(_ clip: Int) -> VideoFingerprint {
        var random = FastRandom(seed: seed &+ UInt64(clip + 1) &* 0x9E37_79B9_7F4A_7C15)
        var scene = PDQHash.random(&random)
        var sceneEnds = 0
        let hashes = (0..<frames).map { frame -> PDQHash in
            if frame == sceneEnds {
                scene = .random(&random)
                sceneEnds += 8 + Int(random.below(9))
            }
            return scene.flipping(4 + Int(random.below(21)), &random)
        }
        return Self.fingerprint(hashes.map { (pdq: $0, variants: []) })
    }

    /// Query `number`: the profiles take turns, copying clips drawn from the seed,
    /// unless a profile and a target are given.
    func query(_ number: Int, profile chosen: Profile? = nil, target chosenTarget: Int? = nil) -> Query {
        var random = FastRandom(seed: ~(seed &+ UInt64(number + 1) &* 0xD1B5_4A32_D192_ED03))
        let profile = chosen ?? Profile.allCases[number % Profile.allCases.count]
        let target = profile == .unrelated ? nil : (chosenTarget ?? Int(random.below(clips)))
        let source = target.map { reference($0).frames.map(\.pdq) } ?? []
        let copied: Range<Int>
        let start: Int
        switch profile {
        case .partial:
            start = Int(random.below(max(frames - 6, 1)))
            let at = Int(random.below(max(frames - 6, 1)))
            copied = at..<min(at + 6, frames)
        case .unrelated:
            start = 0
            copied = 0..<0
        default:
            start = Int(random.below(max(frames / 4, 1)))
            copied = 0..<(frames - start)
        }
        let mirror = Dihedral.allCases.firstIndex(of: .mirror)! - 1
        let shown = (0..<frames).map { frame -> (pdq: PDQHash, variants: [PDQHash]) in
            var variants = (0..<7).map { _ in PDQHash.random(&random) }
            guard copied.contains(frame), start + frame - copied.lowerBound < source.count else { return (.random(&random), variants) }
            let copy = source[start + frame - copied.lowerBound].flipping(distance(for: profile, &random), &random)
            guard profile == .mirrored else { return (copy, variants) }
            variants[mirror] = copy
            return (.random(&random), variants)
        }
        return Query(profile: profile, target: target, fingerprint: Self.fingerprint(shown))
    }

    private func distance(for profile: Profile, _ random: inout FastRandom) -> Int {
        switch profile {
        case .close: random.below(10) < 8 ? Int(random.below(9)) : 9 + Int(random.below(23))
        case .far: 24 + Int(random.below(8))
        default: Int(random.below(32))
        }
    }

    private static func fingerprint(_ frames: [(pdq: PDQHash, variants: [PDQHash])]) -> VideoFingerprint {
        VideoFingerprint(
            framesPerSecond: 2, sourceFrameRate: 30, duration: Double(frames.count) / 2,
            frames: frames.enumerated().map { FrameHash(timestamp: Double($0.offset) / 2, quality: 100, pdq: $0.element.pdq, variants: $0.element.variants) }
        )
    }
}

extension PDQHash {
    static func random(_ random: inout FastRandom) -> PDQHash {
        PDQHash(words: (random.next(), random.next(), random.next(), random.next()))
    }

    /// The hash with exactly `count` distinct bits flipped.
    func flipping(_ count: Int, _ random: inout FastRandom) -> PDQHash {
        var mask: [UInt64] = [0, 0, 0, 0]
        var flipped = 0
        while flipped < count {
            let bit = Int(random.below(256))
            guard mask[bit >> 6] & (1 << UInt64(bit & 63)) == 0 else { continue }
            mask[bit >> 6] |= 1 << UInt64(bit & 63)
            flipped += 1
        }
        return PDQHash(words: (words.0 ^ mask[0], words.1 ^ mask[1], words.2 ^ mask[2], words.3 ^ mask[3]))
    }
}
