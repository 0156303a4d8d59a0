import Foundation

/// A 48×27 luma miniature of a frame's picture, kept so that a copy cropped by
/// an unknown amount can be registered against it.
///
/// PDQ cannot see through crops (a 2% misframing flips a third of its bits);
/// correlating miniatures under a searched crop window can, and 1.3 KB a frame
/// is affordable where the index does not hold them in memory.
public struct Thumbnail: Sendable, Equatable {
    public static let width = 48
    public static let height = 27

    /// Row-major luma, 0–255.
    public var pixels: [UInt8]

    public init(pixels: [UInt8]) {
        precondition(pixels.count == Self.width * Self.height, "a thumbnail holds 48 × 27 pixels")
        self.pixels = pixels
    }

    /// The area-averaged miniature of an image.
    public init(of image: LumaImage) {
        self.init(pixels: image.resampled(width: Self.width, height: Self.height).values.map { UInt8(clamping: Int($0.rounded())) })
    }
}

extension Thumbnail: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let data = Data(base64Encoded: text), data.count == Self.width * Self.height else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a thumbnail is 1296 bytes in base64"))
        }
        self.init(pixels: [UInt8](data))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Data(pixels).base64EncodedString())
    }
}
