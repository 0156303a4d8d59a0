import CFFmpeg
import VouchMedia

/// An FFmpeg decoder for one video stream, threaded, with a pixel cap.
final class VideoDecoder {
    private var context: UnsafeMutablePointer<AVCodecContext>?
    private let shortcuts: DecodeShortcuts

    init(stream: UnsafeMutablePointer<AVStream>, shortcuts: DecodeShortcuts, threads: Int, maxPixels: Int, path: String) throws {
        let parameters = stream.pointee.codecpar!
        guard let codec = avcodec_find_decoder(parameters.pointee.codec_id) else {
            throw MediaError.unsupportedCodec(path: path, codec: String(cString: avcodec_get_name(parameters.pointee.codec_id)))
        }
        context = avcodec_alloc_context3(codec)
        self.shortcuts = shortcuts
        guard let context else {
            throw MediaError.ffmpeg(path: path, call: "avcodec_alloc_context3", code: vouch_averror(ENOMEM), message: "out of memory")
        }
        try check(avcodec_parameters_to_context(context, parameters), "avcodec_parameters_to_context", path)
        context.pointee.pkt_timebase = stream.pointee.time_base
        context.pointee.thread_count = Int32(threads)
        context.pointee.thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE
        context.pointee.max_pixels = Int64(maxPixels)
        try check(avcodec_open2(context, codec, nil), "avcodec_open2", path)
    }

    deinit {
        avcodec_free_context(&context)
    }

    /// Sets how much of the next packet's work may be skipped. FFmpeg's frame
    /// threads copy these fields when a packet is submitted, so they apply per packet.
    func prepare(for plan: SamplingSchedule.PacketPlan) {
        let cheap = plan == .decodeForReference
        let referencesOnly = cheap && shortcuts.contains(.skipNonReferenceFrames) || plan == .decodeIfReference
        context!.pointee.skip_frame = referencesOnly ? AVDISCARD_NONREF : AVDISCARD_DEFAULT
        context!.pointee.skip_loop_filter = cheap && shortcuts.contains(.skipLoopFilter) ? AVDISCARD_NONKEY : AVDISCARD_DEFAULT
    }

    /// Submits a packet; nil flushes the decoder at the end of the stream.
    func send(_ packet: UnsafeMutablePointer<AVPacket>?) -> Int32 {
        avcodec_send_packet(context, packet)
    }

    func receive(_ frame: UnsafeMutablePointer<AVFrame>) -> Int32 {
        avcodec_receive_frame(context, frame)
    }

    private func check(_ code: Int32, _ call: String, _ path: String) throws {
        guard code >= 0 else {
            throw MediaError.ffmpeg(path: path, call: call, code: code, message: FFmpegResult.message(for: code))
        }
    }
}
