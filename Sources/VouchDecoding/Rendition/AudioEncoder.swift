import CFFmpeg
import VouchMedia

/// FFmpeg's own AAC encoder, which every MP4 player decodes.
///
/// It takes planar float samples in frames of exactly ``frameSize`` (the last may be
/// shorter); ``AudioResampler`` delivers them so. Mono stays mono and anything wider
/// becomes stereo; the sample rate is the source's when AAC has it, 48 kHz otherwise.
final class AudioEncoder {
    /// The sample rates AAC defines.
    static let aacSampleRates: Set<Int32> = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000]

    private var context: UnsafeMutablePointer<AVCodecContext>?
    private let path: String

    init(sourceRate: Int32, sourceChannels: Int32, bitRate: Int, globalHeaders: Bool, path: String) throws {
        self.path = path
        guard let codec = avcodec_find_encoder_by_name("aac") else {
            throw MediaError.unsupportedCodec(path: path, codec: "aac (encoder)")
        }
        context = avcodec_alloc_context3(codec)
        guard let context else { throw MediaError.outOfMemory("avcodec_alloc_context3", path: path) }
        let rate = Self.aacSampleRates.contains(sourceRate) ? sourceRate : 48000
        context.pointee.sample_rate = rate
        context.pointee.sample_fmt = AV_SAMPLE_FMT_FLTP
        av_channel_layout_default(&context.pointee.ch_layout, sourceChannels == 1 ? 1 : 2)
        context.pointee.bit_rate = Int64(bitRate)
        context.pointee.time_base = AVRational(num: 1, den: rate)
        if globalHeaders { context.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
        try MediaError.check(avcodec_open2(context, codec, nil), "avcodec_open2(aac)", path: path)
    }

    deinit {
        avcodec_free_context(&context)
    }

    var sampleRate: Int32 { context!.pointee.sample_rate }
    var frameSize: Int32 { context!.pointee.frame_size }
    var channelCount: Int32 { context!.pointee.ch_layout.nb_channels }

    /// Adds the stream this encoder writes to `container`; returns its index there.
    func addStream(to container: OutputContainer) throws -> Int {
        try container.addStream(encodedBy: context!)
    }

    /// Submits a frame of ``frameSize`` samples; nil flushes the encoder at the end.
    func send(_ frame: UnsafeMutablePointer<AVFrame>?) throws {
        try MediaError.check(avcodec_send_frame(context, frame), "avcodec_send_frame(aac)", path: path)
    }

    /// The next encoded packet into `packet`; false when the encoder needs more frames or is done.
    func receive(_ packet: UnsafeMutablePointer<AVPacket>) throws -> Bool {
        let code = avcodec_receive_packet(context, packet)
        if code == FFmpegResult.tryAgain || code == FFmpegResult.endOfFile { return false }
        try MediaError.check(code, "avcodec_receive_packet(aac)", path: path)
        return true
    }
}
