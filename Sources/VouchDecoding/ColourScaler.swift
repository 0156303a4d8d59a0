import CFFmpeg
import VouchMedia

/// Converts decoded frames to small full-range YUV 4:2:0 planes for keyframe JPEGs.
final class ColourScaler {
    let width: Int
    let height: Int
    private var context: OpaquePointer?

    /// Fits a `width` × `height` stored frame inside `maxSide`, keeping even dimensions for 4:2:0.
    init(fitting maxSide: Int, width: Int, height: Int) {
        let scale = min(1, Double(maxSide) / Double(max(width, height, 1)))
        self.width = max(2, Int((Double(width) * scale / 2).rounded()) * 2)
        self.height = max(2, Int((Double(height) * scale / 2).rounded()) * 2)
    }

    deinit {
        sws_freeContext(context)
    }

    /// Y, Cb and Cr planes of `frame` (as stored, not yet turned upright).
    func planes(of frame: UnsafeMutablePointer<AVFrame>, timestamp: Double) -> [LumaFrame]? {
        let source = frame.pointee
        context = sws_getCachedContext(
            context, source.width, source.height, AVPixelFormat(rawValue: source.format),
            Int32(width), Int32(height), AV_PIX_FMT_YUVJ420P, SWS_AREA, nil, nil, nil
        )
        guard let context else { return nil }
        let chromaWidth = width / 2
        let chromaHeight = height / 2
        var luma = [UInt8](repeating: 0, count: width * height)
        var blue = [UInt8](repeating: 128, count: chromaWidth * chromaHeight)
        var red = [UInt8](repeating: 128, count: chromaWidth * chromaHeight)
        let scaled = luma.withUnsafeMutableBufferPointer { y in
            blue.withUnsafeMutableBufferPointer { u in
                red.withUnsafeMutableBufferPointer { v -> Int32 in
                    var destination: [UnsafeMutablePointer<UInt8>?] = [y.baseAddress, u.baseAddress, v.baseAddress, nil]
                    var strides: [Int32] = [Int32(width), Int32(chromaWidth), Int32(chromaWidth), 0]
                    return withPlanes(of: frame) { sws_scale(context, $0, $1, 0, source.height, &destination, &strides) }
                }
            }
        }
        guard scaled > 0 else { return nil }
        return [
            LumaFrame(width: width, height: height, timestamp: timestamp, pixels: luma),
            LumaFrame(width: chromaWidth, height: chromaHeight, timestamp: timestamp, pixels: blue),
            LumaFrame(width: chromaWidth, height: chromaHeight, timestamp: timestamp, pixels: red),
        ]
    }
}
