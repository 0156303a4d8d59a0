import VouchFingerprint

/// The clips and queries of `vouch bench index`, regenerated on demand from a seed,
/// so that 30M frame hashes stream into the index without being held twice.
///
/// A clip is a run of scenes of 4–8 s; each frame is its scene's picture with
/// 4–24 bits flipped, so neighbouring frames of a scene hit together, as in real
/// footage. Every other frame also carries its scene's 64 local features, each
/// with 0–2 bits flipped. Copies show a trimmed stretch of one clip, each frame
/// at a distance the query's profile draws; the other frames, and unrelated
/// queries, are fresh. Reframed copies (crops, insets) keep only some of the
/// features, at distances seen in real crops, and none of the frame hashes.
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
        /// A crop: fresh frame hashes; a quarter of each frame's features kept at 0–8 bits.
        case cropped
        /// An inset a quarter of the frame: fresh frame hashes; an eighth of the features kept at 0–8 bits.
        case inset
        /// No copy: what a query costs when nothing matches.
        case unrelated

        /// The share of a frame's local features a reframed copy keeps.
        var keptFeatures: Double? {
            switch self {
            case .cropped: 0.25
            case .inset: 0.125
            default: nil
            }
        }
    }

    static let featuresPerFrame = 64

    struct Query {
        var profile: Profile
        /// The clip the query copies, if any.
        var target: Int?
        var fingerprint: VideoFingerprint
    }

    func reference(_ clip: Int) -> VideoFingerprint {
        var random = FastRandom(seed: seed &+ UInt64(clip + 1) &* 0x9E37_79B9_7F4A_7C15)
        var scene = PDQHash.random(&random)
        var sceneFeatures: [UInt64] = []
        var sceneEnds = 0
        let shown = (0..<frames).map { frame -> Shown in
            if frame == sceneEnds {
                scene = .random(&random)
                sceneFeatures = (0..<Self.featuresPerFrame).map { _ in random.next() >> 1 }
                sceneEnds += 8 + Int(random.below(9))
            }
            let features = frame % 2 == 0 ? sceneFeatures.map { $0.flipping(Int(random.below(3)), &random) } : []
            return Shown(pdq: scene.flipping(4 + Int(random.below(21)), &random), variants: [], features: features)
        }
        return Self.fingerprint(shown)
    }

    private struct Shown {
        var pdq: PDQHash
        var variants: [PDQHash]
        var features: [UInt64]
    }

    /// Query `number`: the profiles take turns, copying clips drawn from the seed,
    /// unless a profile and a target are given.
    func query(_ number: Int, profile chosen: Profile? = nil, target chosenTarget: Int? = nil) -> Query {
        var random = FastRandom(seed: ~(seed &+ UInt64(number + 1) &* 0xD1B5_4A32_D192_ED03))
        let profile = chosen ?? Profile.allCases[number % Profile.allCases.count]
        let target = profile == .unrelated ? nil : (chosenTarget ?? Int(random.below(clips)))
        let original = target.map { reference($0).frames } ?? []
        let source = original.map(\.pdq)
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
        let shown = (0..<frames).map { frame -> Shown in
            var variants = (0..<7).map { _ in PDQHash.random(&random) }
            var features = frame % 2 == 0 ? (0..<Self.featuresPerFrame).map { _ in random.next() >> 1 } : []
            guard copied.contains(frame), start + frame - copied.lowerBound < source.count else {
                return Shown(pdq: .random(&random), variants: variants, features: features)
            }
            let from = start + frame - copied.lowerBound
            if let kept = profile.keptFeatures {
                // The nearest original frame with features: the copy's frames need not fall on the original's.
                let nearest = original[from].features.isEmpty ? original[max(from - 1, 0)].features : original[from].features
                if !features.isEmpty {
                    for index in 0..<Int(Double(features.count) * kept) where index < nearest.count {
                        features[Int(random.below(features.count))] = nearest[Int(random.below(nearest.count))].hash.flipping(Int(random.below(9)), &random)
                    }
                }
                return Shown(pdq: .random(&random), variants: variants, features: features)
            }
            let copy = source[from].flipping(distance(for: profile, &random), &random)
            guard profile == .mirrored else { return Shown(pdq: copy, variants: variants, features: features) }
            variants[mirror] = copy
            return Shown(pdq: .random(&random), variants: variants, features: features)
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

    private static func fingerprint(_ frames: [Shown]) -> VideoFingerprint {
        VideoFingerprint(
            framesPerSecond: 2, sourceFrameRate: 30, duration: Double(frames.count) / 2,
            frames: frames.enumerated().map { frame in
                FrameHash(timestamp: Double(frame.offset) / 2, quality: 100, pdq: frame.element.pdq, variants: frame.element.variants,
                          features: frame.element.features.map { LocalFeature(hash: $0, mirrored: random63(seed: $0)) })
            }
        )
    }

    /// An unrelated 63-bit word derived from `seed`: a stored feature's mirror, which no copy here shows.
    private static func random63(seed: UInt64) -> UInt64 {
        var random = FastRandom(seed: seed)
        return random.next() >> 1
    }
}

extension UInt64 {
    /// The word with exactly `count` distinct bits of the low 63 flipped.
    func flipping(_ count: Int, _ random: inout FastRandom) -> UInt64 {
        var mask: UInt64 = 0
        while mask.nonzeroBitCount < count { mask |= 1 << random.below(63) }
        return self ^ mask
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
