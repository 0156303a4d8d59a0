import CFFmpeg
import VouchMedia

/// libx264, set up for a web rendition: 8-bit 4:2:0, constant quality, a speed preset.
///
/// The same settings as `ffmpeg -c:v libx264 -preset P -crf C -pix_fmt yuv420p`, passed
/// as libavcodec's private options of the libx264 wrapper, so that the benchmark
/// compares like with like.
final class VideoEncoder {
    private var context: UnsafeMutablePointer<AVCodecContext>?
    private let path: String

    /// - Parameters:
    ///   - timeBase: the time base of the frames' `pts`, the source stream's.
    ///   - frameRate: the source's nominal rate, for x264's rate control; nil when unknown.
    init(width: Int, height: Int, timeBase: AVRational, frameRate: AVRational?, settings: RenditionSettings,
         globalHeaders: Bool, path: String) throws {
        self.path = path
        guard let codec = avcodec_find_encoder_by_name("libx264") else {
            throw MediaError.unsupportedCodec(path: path, codec: "libx264 (encoder)")
        }
        context = avcodec_alloc_context3(codec)
        guard let context else { throw MediaError.outOfMemory("avcodec_alloc_context3", path: path) }
        context.pointee.width = Int32(width)
        context.pointee.height = Int32(height)
        context.pointee.pix_fmt = AV_PIX_FMT_YUV420P
        context.pointee.time_base = timeBase
        context.pointee.sample_aspect_ratio = AVRational(num: 1, den: 1)
        context.pointee.color_range = AVCOL_RANGE_MPEG
        if let frameRate { context.pointee.framerate = frameRate }
        context.pointee.thread_count = Int32(settings.threads)
        if globalHeaders { context.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
        var options: OpaquePointer?
        av_dict_set(&options, "preset", settings.preset, 0)
        av_dict_set(&options, "crf", String(settings.crf), 0)
        defer { av_dict_free(&options) }
        try MediaError.check(avcodec_open2(context, codec, &options), "avcodec_open2(libx264)", path: path)
    }

    deinit {
        avcodec_free_context(&context)
    }

    /// Adds the stream this encoder writes to `container`; returns its index there.
    func addStream(to container: OutputContainer) throws -> Int {
        try container.addStream(encodedBy: context!)
    }

    /// Submits a frame; nil flushes the encoder at the end of the stream.
    func send(_ frame: UnsafeMutablePointer<AVFrame>?) throws {
        try MediaError.check(avcodec_send_frame(context, frame), "avcodec_send_frame(libx264)", path: path)
    }

    /// The next encoded packet into `packet`; false when the encoder needs more frames or is done.
    func receive(_ packet: UnsafeMutablePointer<AVPacket>) throws -> Bool {
        let code = avcodec_receive_packet(context, packet)
        if code == FFmpegResult.tryAgain || code == FFmpegResult.endOfFile { return false }
        try MediaError.check(code, "avcodec_receive_packet(libx264)", path: path)
        return true
    }
}
