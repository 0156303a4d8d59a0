import CFFmpeg
import VouchMedia

/// An FFmpeg decoder for the sound of a clip being transcoded.
///
/// Only the decoders of ``RenditionPlan/decodableAudioCodecs`` are opened: the plan
/// drops any other sound rather than reach a rarely used decoder with hostile input.
final class AudioDecoder {
    private var context: UnsafeMutablePointer<AVCodecContext>?
    private let path: String

    init(stream: UnsafeMutablePointer<AVStream>, path: String) throws {
        self.path = path
        let parameters = stream.pointee.codecpar!
        guard let codec = avcodec_find_decoder(parameters.pointee.codec_id) else {
            throw MediaError.unsupportedCodec(path: path, codec: String(cString: avcodec_get_name(parameters.pointee.codec_id)))
        }
        context = avcodec_alloc_context3(codec)
        guard let context else { throw MediaError.outOfMemory("avcodec_alloc_context3", path: path) }
        try MediaError.check(avcodec_parameters_to_context(context, parameters), "avcodec_parameters_to_context", path: path)
        context.pointee.pkt_timebase = stream.pointee.time_base
        try MediaError.check(avcodec_open2(context, codec, nil), "avcodec_open2", path: path)
    }

    deinit {
        avcodec_free_context(&context)
    }

    /// Submits a packet; nil flushes the decoder. A damaged packet is skipped, as players do.
    func send(_ packet: UnsafeMutablePointer<AVPacket>?) {
        _ = avcodec_send_packet(context, packet)
    }

    /// The next decoded frame into `frame`; false when the decoder needs more packets or is done.
    func receive(_ frame: UnsafeMutablePointer<AVFrame>) -> Bool {
        avcodec_receive_frame(context, frame) >= 0
    }
}
