/// A blob of a frame's picture, found at its own scale, described by a 64-bit
/// hash of the patch around it.
///
/// PDQ hashes a whole frame, so a copy that shows only part of it (a 9:16 crop
/// of a landscape clip, a zoom, a tile of a collage, a phone filming a screen)
/// hashes far from the original. A blob found where the picture's own structure
/// puts it, and described at its own scale, is found again in any window that
/// contains it, at whatever size the window is shown: the index looks features
/// up by their hashes to propose such copies, which the matcher then registers.
public struct LocalFeature: Sendable, Equatable, Hashable {
    /// 63 bits: the signs of the patch's low-frequency DCT coefficients against their median.
    public var hash: UInt64
    /// The same patch's hash mirrored left to right, which a mirrored copy shows.
    public var mirrored: UInt64

    public init(hash: UInt64, mirrored: UInt64) {
        self.hash = hash
        self.mirrored = mirrored
    }

    /// Differing bits; unrelated patches differ by about 32, the same blob in a copy by under 10.
    @inlinable
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int {
        (a ^ b).nonzeroBitCount
    }
}

extension LocalFeature: Codable {
    /// Hex, because JSON numbers lose the top bits of a 64-bit integer in most readers.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: "/")
        guard parts.count == 2, let hash = UInt64(parts[0], radix: 16), let mirrored = UInt64(parts[1], radix: 16) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a local feature is two hex words, hash/mirrored"))
        }
        self.init(hash: hash, mirrored: mirrored)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(hash, radix: 16) + "/" + String(mirrored, radix: 16))
    }
}
