/// The frame sizes of a transcoded rendition: what the decoded frames are scaled to, and
/// the upright size the encoder receives once they are turned.
///
/// The shorter upright side is brought down to the limit (never up), the longer one
/// follows the aspect ratio, and both are even, as 4:2:0 chroma needs.
struct RenditionGeometry: Equatable {
    let orientation: DisplayOrientation
    /// The upright size the rendition is encoded at.
    let width: Int
    let height: Int

    init(storedWidth: Int, storedHeight: Int, orientation: DisplayOrientation, maxShortSide: Int) {
        self.orientation = orientation
        let uprightWidth = orientation.turnsSideways ? storedHeight : storedWidth
        let uprightHeight = orientation.turnsSideways ? storedWidth : storedHeight
        let short = max(1, min(uprightWidth, uprightHeight))
        let long = max(uprightWidth, uprightHeight)
        let shortOut = min(short, maxShortSide)
        let longOut = (long * shortOut + short / 2) / short
        let evenShort = max(2, shortOut & ~1)
        let evenLong = max(2, longOut & ~1)
        width = uprightWidth >= uprightHeight ? evenLong : evenShort
        height = uprightWidth >= uprightHeight ? evenShort : evenLong
    }

    /// The size a stored frame is scaled to before it is turned upright.
    var scaledWidth: Int { orientation.turnsSideways ? height : width }
    var scaledHeight: Int { orientation.turnsSideways ? width : height }
}

extension DisplayOrientation {
    /// Whether turning the frame upright swaps its width and height.
    var turnsSideways: Bool { clockwiseDegrees == 90 || clockwiseDegrees == 270 }
}
