/// A luminance plane in single precision: the input PDQ hashes.
public struct LumaImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// Row-major values, 0 (black) to 255 (white).
    public var values: [Float]

    public init(width: Int, height: Int, values: [Float]) {
        precondition(values.count == width * height, "a luma image holds width × height values")
        self.width = width
        self.height = height
        self.values = values
    }

    /// From 8-bit luma, as the decoder delivers it.
    public init(width: Int, height: Int, luma: [UInt8]) {
        self.init(width: width, height: height, values: luma.map(Float.init))
    }

    /// From interleaved 8-bit RGB, with PDQ's BT.601 weights computed in double
    /// and rounded to float once, as the reference `pdqhash` binding does.
    public init(width: Int, height: Int, rgb: [UInt8]) {
        precondition(rgb.count == width * height * 3, "RGB holds three bytes a pixel")
        var values = [Float](repeating: 0, count: width * height)
        for index in values.indices {
            let red = Double(rgb[3 * index]) * 0.299
            let green = Double(rgb[3 * index + 1]) * 0.587
            let blue = Double(rgb[3 * index + 2]) * 0.114
            values[index] = Float(red + green + blue)
        }
        self.init(width: width, height: height, values: values)
    }

    /// The rectangle `x..<x+width`, `y..<y+height` of this image.
    public func cropped(x: Int, y: Int, width: Int, height: Int) -> LumaImage {
        var out = [Float](repeating: 0, count: width * height)
        for row in 0..<height {
            let source = (y + row) * self.width + x
            out.replaceSubrange((row * width)..<((row + 1) * width), with: values[source..<(source + width)])
        }
        return LumaImage(width: width, height: height, values: out)
    }
}
