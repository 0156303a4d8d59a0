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
        var pixels = [UInt8](repeating: 0, count: Self.width * Self.height)
        for y in 0..<Self.height {
            let y0 = y * image.height / Self.height
            let y1 = max((y + 1) * image.height / Self.height, y0 + 1)
            for x in 0..<Self.width {
                let x0 = x * image.width / Self.width
                let x1 = max((x + 1) * image.width / Self.width, x0 + 1)
                var sum: Float = 0
                for row in y0..<min(y1, image.height) {
                    for column in x0..<min(x1, image.width) { sum += image.values[row * image.width + column] }
                }
                let count = Float((min(y1, image.height) - y0) * (min(x1, image.width) - x0))
                pixels[y * Self.width + x] = UInt8(clamping: Int((sum / max(count, 1)).rounded()))
            }
        }
        self.init(pixels: pixels)
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
