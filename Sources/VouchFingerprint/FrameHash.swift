/// The hashes of one sampled frame, with when it was shown and how much detail it had.
public struct FrameHash: Sendable, Codable, Equatable {
    /// Seconds from the start of the clip.
    public var timestamp: Double
    /// PDQ's quality, 0–100: flat or near-black frames score low and are not matched.
    public var quality: Int
    /// PDQ of the frame's content box: the picture without letterbox or padding borders.
    public var pdq: PDQHash
    /// PDQ of the content box turned and mirrored, in ``Dihedral`` order after
    /// `identity` (seven hashes), or empty. A query tries them all, so mirrored
    /// and rotated copies match originals that the index stores once.
    public var variants: [PDQHash]
    /// PDQ of the whole frame, kept only when a content box was cut: if noise or
    /// an overlay hides the borders in a copy, the two sides still share a framing.
    public var fullFrame: PDQHash?
    /// PDQ of each inset the clip shows (``VideoFingerprint/insets``, same order):
    /// a copy played picture-in-picture or side by side is matched by these.
    public var insets: [PDQHash]
    /// A miniature of the content box, for registering cropped copies.
    public var thumbnail: Thumbnail?
    /// Blobs of the content box at their own scales, strongest first, on the
    /// frames ``FingerprintSettings/featureFramesPerSecond`` picks; empty on the others.
    public var features: [LocalFeature]

    public init(
        timestamp: Double, quality: Int, pdq: PDQHash, variants: [PDQHash] = [],
        fullFrame: PDQHash? = nil, insets: [PDQHash] = [], thumbnail: Thumbnail? = nil, features: [LocalFeature] = []
    ) {
        self.timestamp = timestamp
        self.quality = quality
        self.pdq = pdq
        self.variants = variants
        self.fullFrame = fullFrame
        self.insets = insets
        self.thumbnail = thumbnail
        self.features = features
    }

    /// The hash of the frame under `symmetry`, when known.
    public func hash(under symmetry: Dihedral) -> PDQHash? {
        symmetry == .identity ? pdq : (variants.count == 7 ? variants[symmetry.index - 1] : nil)
    }
}

extension FrameHash {
    private enum CodingKeys: String, CodingKey {
        case timestamp, quality, pdq, variants, fullFrame, insets, thumbnail, features
    }

    /// Fingerprints written before local features existed read as having none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            timestamp: try container.decode(Double.self, forKey: .timestamp),
            quality: try container.decode(Int.self, forKey: .quality),
            pdq: try container.decode(PDQHash.self, forKey: .pdq),
            variants: try container.decodeIfPresent([PDQHash].self, forKey: .variants) ?? [],
            fullFrame: try container.decodeIfPresent(PDQHash.self, forKey: .fullFrame),
            insets: try container.decodeIfPresent([PDQHash].self, forKey: .insets) ?? [],
            thumbnail: try container.decodeIfPresent(Thumbnail.self, forKey: .thumbnail),
            features: try container.decodeIfPresent([LocalFeature].self, forKey: .features) ?? []
        )
    }
}
