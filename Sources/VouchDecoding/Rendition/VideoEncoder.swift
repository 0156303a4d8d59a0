import CFFmpeg
import VouchMedia

/// libx264, set up for a web rendition: 8-bit 4:2:0, constant quality, a speed preset.
///
/// The same settings as `ffmpeg -c:v libx264 -preset P -crf C -pix_fmt yuv420p`, passed
/// as libavcodec's private options of the libx264 wrapper, so that the benchmark
/// compares like with like.
enum VideoEncoder {
    /// - Parameters:
    ///   - timeBase: the time base of the frames' `pts`, the source stream's.
    ///   - frameRate: the source's nominal rate, for x264's rate control; nil when unknown.
    static func make(width: Int, height: Int, timeBase: AVRational, frameRate: AVRational?, settings: RenditionSettings,
                     globalHeaders: Bool, path: String) throws -> Encoder {
        try Encoder(named: "libx264", path: path, options: [("preset", settings.preset), ("crf", String(settings.crf))]) { context in
            context.pointee.width = Int32(width)
            context.pointee.height = Int32(height)
            context.pointee.pix_fmt = AV_PIX_FMT_YUV420P
            context.pointee.time_base = timeBase
            context.pointee.sample_aspect_ratio = AVRational(num: 1, den: 1)
            context.pointee.color_range = AVCOL_RANGE_MPEG
            if let frameRate { context.pointee.framerate = frameRate }
            context.pointee.thread_count = Int32(settings.threads)
            if globalHeaders { context.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
        }
    }
}
