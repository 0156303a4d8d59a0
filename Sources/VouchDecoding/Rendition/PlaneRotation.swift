/// Copies one picture plane turned the way a viewer sees it: mirrored first when the
/// display matrix says so, then turned clockwise by 90, 180 or 270 degrees.
///
/// A transcoded rendition carries no display matrix, so the turn is applied to the
/// pixels. Each destination row is read from the source along a fixed step (one byte,
/// or one source row, forwards or backwards), so the inner loop has no branch.
struct PlaneRotation {
    let orientation: DisplayOrientation

    /// Turns the `width` × `height` plane at `source` into `destination`, which holds the
    /// turned size (height × width for a quarter turn).
    func copy(from source: UnsafePointer<UInt8>, stride: Int, width: Int, height: Int,
              to destination: UnsafeMutablePointer<UInt8>, destinationStride: Int) {
        let outWidth = orientation.turnsSideways ? height : width
        let outHeight = orientation.turnsSideways ? width : height
        for row in 0..<outHeight {
            let (start, step) = walk(forRow: row, stride: stride, width: width, height: height)
            let target = destination + row * destinationStride
            var position = start
            for column in 0..<outWidth {
                target[column] = source[position]
                position += step
            }
        }
    }

    /// Where destination row `row` starts in the source, and the step between its pixels.
    private func walk(forRow row: Int, stride: Int, width: Int, height: Int) -> (start: Int, step: Int) {
        let mirrored = orientation.mirrored
        switch orientation.clockwiseDegrees {
        case 90:
            // The stored left column, read bottom to top, becomes the top row.
            return ((height - 1) * stride + (mirrored ? width - 1 - row : row), -stride)
        case 180:
            let last = (height - 1 - row) * stride
            return mirrored ? (last, 1) : (last + width - 1, -1)
        case 270:
            // The stored right column, read top to bottom, becomes the top row.
            return (mirrored ? row : width - 1 - row, stride)
        default:
            return mirrored ? (row * stride + width - 1, -1) : (row * stride, 1)
        }
    }
}
