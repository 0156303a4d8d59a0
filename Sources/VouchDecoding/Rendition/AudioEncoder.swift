import CFFmpeg
import VouchMedia

/// FFmpeg's own AAC encoder, which every MP4 player decodes.
///
/// It takes planar float samples in frames of exactly its `frame_size` (the last may be
/// shorter); ``AudioResampler`` delivers them so. Mono stays mono and anything wider
/// becomes stereo; the sample rate is the source's when AAC has it, 48 kHz otherwise.
enum AudioEncoder {
    /// The sample rates AAC defines.
    static let aacSampleRates: Set<Int32> = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000]

    static func make(sourceRate: Int32, sourceChannels: Int32, bitRate: Int, globalHeaders: Bool, path: String) throws -> Encoder {
        try Encoder(named: "aac", path: path) { context in
            let rate = aacSampleRates.contains(sourceRate) ? sourceRate : 48000
            context.pointee.sample_rate = rate
            context.pointee.sample_fmt = AV_SAMPLE_FMT_FLTP
            av_channel_layout_default(&context.pointee.ch_layout, sourceChannels == 1 ? 1 : 2)
            context.pointee.bit_rate = Int64(bitRate)
            context.pointee.time_base = AVRational(num: 1, den: rate)
            if globalHeaders { context.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
        }
    }
}
