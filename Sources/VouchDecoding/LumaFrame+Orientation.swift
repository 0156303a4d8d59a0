import VouchMedia

extension LumaFrame {
    /// The frame turned the way a viewer sees it.
    func oriented(_ orientation: DisplayOrientation) -> LumaFrame {
        let flipped = orientation.mirrored ? mirroredHorizontally() : self
        switch orientation.clockwiseDegrees {
        case 90: return flipped.rotatedClockwise()
        case 180: return flipped.rotatedHalfTurn()
        case 270: return flipped.rotatedHalfTurn().rotatedClockwise()
        default: return flipped
        }
    }

    func mirroredHorizontally() -> LumaFrame {
        var out = pixels
        for y in 0..<height {
            let row = y * width
            for x in 0..<width {
                out[row + x] = pixels[row + width - 1 - x]
            }
        }
        return LumaFrame(width: width, height: height, timestamp: timestamp, pixels: out)
    }

    func rotatedHalfTurn() -> LumaFrame {
        LumaFrame(width: width, height: height, timestamp: timestamp, pixels: pixels.reversed())
    }

    /// A quarter turn clockwise: the stored left column becomes the top row.
    func rotatedClockwise() -> LumaFrame {
        var out = [UInt8](repeating: 0, count: pixels.count)
        let newWidth = height
        for y in 0..<height {
            for x in 0..<width {
                out[x * newWidth + (height - 1 - y)] = pixels[y * width + x]
            }
        }
        return LumaFrame(width: newWidth, height: width, timestamp: timestamp, pixels: out)
    }
}
