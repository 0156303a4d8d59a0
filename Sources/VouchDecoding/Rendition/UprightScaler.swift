import CFFmpeg
import VouchMedia

/// Turns decoded frames into what the encoder takes: the rendition's size, 8-bit
/// limited-range 4:2:0, upright.
///
/// libswscale scales in the stored orientation (so a quarter-turned clip is scaled to
/// the turned size), then ``PlaneRotation`` turns each plane; an upright clip is scaled
/// straight into the encoder's frame.
final class UprightScaler {
    let geometry: RenditionGeometry
    private let path: String
    private var context: OpaquePointer?
    private var scaled: UnsafeMutablePointer<AVFrame>?
    private var upright: UnsafeMutablePointer<AVFrame>?

    init(geometry: RenditionGeometry, path: String) throws {
        self.geometry = geometry
        self.path = path
        scaled = av_frame_alloc()
        upright = av_frame_alloc()
        guard let scaled, let upright else { throw MediaError.outOfMemory("av_frame_alloc", path: path) }
        try Self.allocate(scaled, width: geometry.scaledWidth, height: geometry.scaledHeight, path: path)
        try Self.allocate(upright, width: geometry.width, height: geometry.height, path: path)
    }

    deinit {
        sws_freeContext(context)
        av_frame_free(&scaled)
        av_frame_free(&upright)
    }

    /// The upright frame for `frame`, with `pts` set; valid until the next call.
    func convert(_ frame: UnsafeMutablePointer<AVFrame>, pts: Int64) throws -> UnsafeMutablePointer<AVFrame> {
        let source = frame.pointee
        let turning = geometry.orientation != .upright
        // The encoder may still hold the previous frame's buffers; write into fresh ones then.
        try MediaError.check(av_frame_make_writable(upright), "av_frame_make_writable", path: path)
        let target = turning ? scaled! : upright!
        context = sws_getCachedContext(
            context, source.width, source.height, AVPixelFormat(rawValue: source.format),
            Int32(geometry.scaledWidth), Int32(geometry.scaledHeight), AV_PIX_FMT_YUV420P, SWS_BICUBIC, nil, nil, nil
        )
        guard context != nil else {
            throw MediaError.ffmpeg(path: path, call: "sws_getCachedContext", code: vouch_averror(EINVAL),
                                    message: "cannot convert \(source.width)×\(source.height) frames of format \(source.format)")
        }
        let rows = withPlanes(of: frame) { sourcePlanes, sourceStrides in
            target.withWritablePlanes { sws_scale(context, sourcePlanes, sourceStrides, 0, source.height, $0, $1) }
        }
        guard rows > 0 else { throw MediaError.failed("sws_scale", code: rows < 0 ? rows : vouch_averror(EINVAL), path: path) }
        if turning { turn(scaled!, into: upright!) }
        upright!.pointee.pts = pts
        return upright!
    }

    private func turn(_ source: UnsafeMutablePointer<AVFrame>, into destination: UnsafeMutablePointer<AVFrame>) {
        let rotation = PlaneRotation(orientation: geometry.orientation)
        for index in 0..<3 {
            let from = source.plane(index)
            let to = destination.plane(index)
            guard let input = from.pixels, let output = to.pixels else { continue }
            let chroma = index > 0
            rotation.copy(
                from: input, stride: from.stride,
                width: chroma ? geometry.scaledWidth / 2 : geometry.scaledWidth,
                height: chroma ? geometry.scaledHeight / 2 : geometry.scaledHeight,
                to: output, destinationStride: to.stride
            )
        }
    }

    private static func allocate(_ frame: UnsafeMutablePointer<AVFrame>, width: Int, height: Int, path: String) throws {
        frame.pointee.width = Int32(width)
        frame.pointee.height = Int32(height)
        frame.pointee.format = AV_PIX_FMT_YUV420P.rawValue
        frame.pointee.color_range = AVCOL_RANGE_MPEG
        try MediaError.check(av_frame_get_buffer(frame, 0), "av_frame_get_buffer", path: path)
    }
}
