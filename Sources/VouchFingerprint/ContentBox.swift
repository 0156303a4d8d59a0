/// The part of a frame that holds the picture, without uniform or blurred borders.
///
/// Reposts pad landscape clips to portrait with black bars or a blurred copy of
/// the picture; PDQ is so sensitive to framing that a 2% shift changes a third
/// of its bits, so the hash is taken of this box, found to the pixel.
public struct ContentBox: Sendable, Codable, Equatable {
    /// Left, top, right and bottom edges as fractions of the frame, 0...1.
    public var left: Double
    public var top: Double
    public var right: Double
    public var bottom: Double

    public init(left: Double, top: Double, right: Double, bottom: Double) {
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
    }

    public static let full = ContentBox(left: 0, top: 0, right: 1, bottom: 1)

    /// The fraction of the frame's area inside the box.
    public var area: Double { (right - left) * (bottom - top) }

    /// `inner`, given as fractions of this box, as fractions of the whole frame.
    func containing(_ inner: ContentBox) -> ContentBox {
        let width = right - left
        let height = bottom - top
        return ContentBox(
            left: left + inner.left * width, top: top + inner.top * height,
            right: left + inner.right * width, bottom: top + inner.bottom * height
        )
    }

    /// The box in pixels of an image of the given size.
    func pixels(width: Int, height: Int) -> (x: Int, y: Int, width: Int, height: Int) {
        let x0 = Int((left * Double(width)).rounded())
        let y0 = Int((top * Double(height)).rounded())
        let x1 = max(Int((right * Double(width)).rounded()), x0 + 1)
        let y1 = max(Int((bottom * Double(height)).rounded()), y0 + 1)
        return (x0, y0, min(x1, width) - x0, min(y1, height) - y0)
    }
}
