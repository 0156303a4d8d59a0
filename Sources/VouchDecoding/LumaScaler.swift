import CFFmpeg

/// Converts decoded frames of any pixel format to full-range 8-bit luma at one size.
///
/// Only sampled frames pass through here, so its cost is per sample, not per frame.
/// It expands limited-range ("TV") luma to full range, as PDQ's RGB-derived
/// luminance expects.
final class LumaScaler {
    let width: Int
    let height: Int
    private var context: OpaquePointer?

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    deinit {
        sws_freeContext(context)
    }

    /// The luma plane of `frame`, scaled to `width` × `height` as stored (not yet rotated).
    func luma(of frame: UnsafeMutablePointer<AVFrame>) -> [UInt8]? {
        let source = frame.pointee
        let sourceFormat = AVPixelFormat(rawValue: source.format)
        context = sws_getCachedContext(
            context, source.width, source.height, sourceFormat,
            Int32(width), Int32(height), AV_PIX_FMT_GRAY8, SWS_AREA, nil, nil, nil
        )
        guard let context else { return nil }
        setRange(context, fullRangeSource: source.color_range == AVCOL_RANGE_JPEG)
        var pixels = [UInt8](repeating: 0, count: width * height)
        let scaled = pixels.withUnsafeMutableBufferPointer { out -> Int32 in
            var destination: [UnsafeMutablePointer<UInt8>?] = [out.baseAddress, nil, nil, nil]
            var strides: [Int32] = [Int32(width), 0, 0, 0]
            return withPlanes(of: frame) { sws_scale(context, $0, $1, 0, source.height, &destination, &strides) }
        }
        return scaled > 0 ? pixels : nil
    }

    /// Tells swscale the source's range, which the pixel format alone does not
    /// say for yuv420p frames flagged as full range; the destination is always full range.
    private func setRange(_ context: OpaquePointer, fullRangeSource: Bool) {
        var inverseTable: UnsafeMutablePointer<Int32>?
        var table: UnsafeMutablePointer<Int32>?
        var sourceRange: Int32 = 0
        var destinationRange: Int32 = 0
        var brightness: Int32 = 0
        var contrast: Int32 = 0
        var saturation: Int32 = 0
        guard sws_getColorspaceDetails(context, &inverseTable, &sourceRange, &table, &destinationRange, &brightness, &contrast, &saturation) >= 0 else { return }
        let wanted: Int32 = fullRangeSource ? 1 : sourceRange
        guard wanted != sourceRange || destinationRange != 1 else { return }
        sws_setColorspaceDetails(context, inverseTable, wanted, table, 1, brightness, contrast, saturation)
    }
}
