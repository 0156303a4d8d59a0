/// A blob of a frame's picture, found at its own scale, described by a 64-bit
/// hash of the patch around it.
///
/// PDQ hashes a whole frame, so a copy that shows only part of it (a 9:16 crop
/// of a landscape clip, a zoom, a tile of a collage, a phone filming a screen)
/// hashes far from the original. A blob found where the picture's own structure
/// puts it, and described at its own scale, is found again in any window that
/// contains it, at whatever size the window is shown: the index looks features
/// up by their hashes to propose such copies, and the matcher verifies them by
/// where the features sit (``FeatureMatcher``).
public struct LocalFeature: Sendable, Equatable, Hashable {
    /// 63 bits: the signs of the patch's low-frequency DCT coefficients against their median.
    public var hash: UInt64
    /// The same patch's hash mirrored left to right, which a mirrored copy shows.
    public var mirrored: UInt64
    /// Where the blob sits and how big it is; nil in fingerprints made before
    /// placements were kept, which the index can use but the matcher cannot verify.
    public var placement: Placement?

    public init(hash: UInt64, mirrored: UInt64, placement: Placement? = nil) {
        self.hash = hash
        self.mirrored = mirrored
        self.placement = placement
    }

    /// A blob's centre and scale, in heights of the picture it was found in (the
    /// content box): x runs from 0 to the picture's aspect ratio, y from 0 (top)
    /// to 1. One unit both ways, so a copy's reframing is a similarity.
    public struct Placement: Sendable, Equatable, Hashable {
        public var x: Float
        public var y: Float
        /// The blob's Gaussian scale (sigma).
        public var scale: Float

        public init(x: Float, y: Float, scale: Float) {
            self.x = x
            self.y = y
            self.scale = scale
        }
    }

    /// Differing bits; unrelated patches differ by about 32, the same blob in a copy by under 10.
    @inlinable
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int {
        (a ^ b).nonzeroBitCount
    }
}

extension LocalFeature: Codable {
    /// Hex words, because JSON numbers lose the top bits of a 64-bit integer in
    /// most readers: `hash/mirrored`, then `/x/y/scale` when placed.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: "/")
        guard parts.count == 2 || parts.count == 5, let hash = UInt64(parts[0], radix: 16), let mirrored = UInt64(parts[1], radix: 16) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a local feature is hash/mirrored in hex, then optionally /x/y/scale"))
        }
        var placement: Placement?
        if parts.count == 5 {
            guard let x = Float(parts[2]), let y = Float(parts[3]), let scale = Float(parts[4]), scale > 0 else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a local feature's placement is x/y/scale, three numbers, the scale positive"))
            }
            placement = Placement(x: x, y: y, scale: scale)
        }
        self.init(hash: hash, mirrored: mirrored, placement: placement)
    }

    public func encode(to encoder: any Encoder) throws {
        var text = String(hash, radix: 16) + "/" + String(mirrored, radix: 16)
        if let placement { text += "/\(placement.x)/\(placement.y)/\(placement.scale)" }
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
