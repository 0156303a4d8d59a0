/// One sampled frame as the fingerprinting sees it: upright, 8-bit, full-range luma.
public struct LumaFrame: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// Presentation time in seconds from the start of the stream.
    public var timestamp: Double
    /// Row-major pixels, `width` bytes a row, 0 black and 255 white.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, timestamp: Double, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "a luma plane holds width × height bytes")
        self.width = width
        self.height = height
        self.timestamp = timestamp
        self.pixels = pixels
    }

    public subscript(x: Int, y: Int) -> UInt8 {
        pixels[y * width + x]
    }

    /// The mean absolute difference of two frames of the same size, in luma levels.
    public func meanAbsoluteDifference(to other: LumaFrame) -> Double {
        precondition(width == other.width && height == other.height, "frames must have the same size")
        var total = 0
        for i in pixels.indices {
            total += abs(Int(pixels[i]) - Int(other.pixels[i]))
        }
        return Double(total) / Double(max(pixels.count, 1))
    }
}
