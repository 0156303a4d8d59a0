/// How the decoder spends CPU: threads, and which work the sampling lets it skip.
public struct DecoderOptions: Sendable, Codable, Equatable {
    /// FFmpeg decoder threads; 0 lets FFmpeg choose from the core count. One is
    /// the default: frame threading spends 15–25% more CPU per clip for lower
    /// latency, and workers already decode one clip per core.
    public var threads: Int
    public var shortcuts: DecodeShortcuts

    public init(threads: Int = 1, shortcuts: DecodeShortcuts = .recommended) {
        self.threads = threads
        self.shortcuts = shortcuts
    }
}

/// Decode work that sparse sampling makes unnecessary, each measured in `Docs/benchmarks.md`.
public struct DecodeShortcuts: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Drop the packets between the last sampled frame of a GOP and the next
    /// keyframe, when no sample falls between them. Exact: nothing sampled changes.
    public static let skipToNextKeyframe = DecodeShortcuts(rawValue: 1 << 0)
    /// Don't decode non-reference frames (`skip_frame`) that no sample needs. Exact.
    public static let skipNonReferenceFrames = DecodeShortcuts(rawValue: 1 << 1)
    /// Don't deblock (`skip_loop_filter`) frames that no sample needs. Approximate:
    /// unfiltered references drift the sampled frames slightly, so it applies only
    /// when frames are delivered at half the stream's size or less.
    public static let skipLoopFilter = DecodeShortcuts(rawValue: 1 << 2)

    /// At a target that falls on a non-reference frame, deliver instead the next
    /// reference frame when it is shown within 1.5 frames of the target. Approximate
    /// in time only: the delivered frame carries its own timestamp, at most 1.5
    /// frames late. Streams without B-frames are unaffected.
    public static let skipNonReferenceTargets = DecodeShortcuts(rawValue: 1 << 3)

    public static let all: DecodeShortcuts = [.skipToNextKeyframe, .skipNonReferenceFrames, .skipLoopFilter, .skipNonReferenceTargets]
    /// What the decode benchmark showed pays for itself.
    public static let recommended: DecodeShortcuts = .all

    /// The names used in `Config/vouch.json` and on the command line.
    public static let names: [(String, DecodeShortcuts)] = [
        ("skip-to-next-keyframe", .skipToNextKeyframe),
        ("skip-non-reference-frames", .skipNonReferenceFrames),
        ("skip-loop-filter", .skipLoopFilter),
        ("skip-non-reference-targets", .skipNonReferenceTargets),
    ]

    public init(names: [String]) throws {
        self = []
        for name in names {
            guard let shortcut = Self.names.first(where: { $0.0 == name })?.1 else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown decode shortcut '\(name)'; known: \(Self.names.map(\.0).joined(separator: ", "))"))
            }
            insert(shortcut)
        }
    }

    public var names: [String] {
        Self.names.filter { contains($0.1) }.map(\.0)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(names: decoder.singleValueContainer().decode([String].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(names)
    }
}
