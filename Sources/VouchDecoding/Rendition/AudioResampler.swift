import CFFmpeg
import VouchMedia

/// Converts decoded sound to what ``AudioEncoder`` takes: planar float at its rate and
/// channel count (libswresample), cut into frames of its frame size (an audio FIFO).
///
/// libswresample is configured from the first decoded frame and again whenever the
/// decoder changes format mid-stream, which a hostile or spliced file may do.
final class AudioResampler {
    private let rate: Int32
    private let channels: Int32
    private let frameSize: Int32
    private let path: String
    private var context: OpaquePointer?
    private var fifo: OpaquePointer?
    private var converted: UnsafeMutablePointer<AVFrame>?
    private var outgoing: UnsafeMutablePointer<AVFrame>?
    private var configured: (format: Int32, rate: Int32, channels: Int32)?
    /// The presentation time of the next outgoing frame, in samples at the output rate.
    var nextPTS: Int64 = 0

    init(rate: Int32, channels: Int32, frameSize: Int32, path: String) throws {
        self.rate = rate
        self.channels = channels
        self.frameSize = max(frameSize, 1)
        self.path = path
        context = swr_alloc()
        fifo = av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, channels, self.frameSize * 2)
        converted = av_frame_alloc()
        outgoing = av_frame_alloc()
        guard context != nil, fifo != nil, converted != nil, outgoing != nil else {
            throw MediaError.outOfMemory("swr_alloc", path: path)
        }
    }

    deinit {
        swr_free(&context)
        av_audio_fifo_free(fifo)
        av_frame_free(&converted)
        av_frame_free(&outgoing)
    }

    /// Converts `frame` (nil at the end, to flush) and hands `deliver` every full
    /// encoder frame that is ready; at the end, the last, shorter one too.
    func push(_ frame: UnsafeMutablePointer<AVFrame>?, _ deliver: (UnsafeMutablePointer<AVFrame>) throws -> Void) throws {
        if let frame { try configure(for: frame) }
        guard configured != nil else { return }
        prepareOutput(converted!)
        try MediaError.check(swr_convert_frame(context, converted, frame), "swr_convert_frame", path: path)
        let produced = converted!.pointee.nb_samples
        if produced > 0 {
            let written = av_audio_fifo_write(fifo, Self.planes(of: converted!), produced)
            guard written >= produced else { throw MediaError.failed("av_audio_fifo_write", code: written < 0 ? written : vouch_averror(ENOMEM), path: path) }
        }
        let last = frame == nil
        while av_audio_fifo_size(fifo) >= frameSize || last && av_audio_fifo_size(fifo) > 0 {
            try deliver(try nextFrame(samples: min(frameSize, av_audio_fifo_size(fifo))))
        }
    }

    private func nextFrame(samples: Int32) throws -> UnsafeMutablePointer<AVFrame> {
        prepareOutput(outgoing!)
        outgoing!.pointee.nb_samples = samples
        try MediaError.check(av_frame_get_buffer(outgoing, 0), "av_frame_get_buffer", path: path)
        let read = av_audio_fifo_read(fifo, Self.planes(of: outgoing!), samples)
        guard read == samples else { throw MediaError.failed("av_audio_fifo_read", code: read < 0 ? read : vouch_averror(EIO), path: path) }
        outgoing!.pointee.pts = nextPTS
        nextPTS += Int64(samples)
        return outgoing!
    }

    /// Sets up libswresample for `frame`'s format, rate and channels, unless it already is.
    private func configure(for frame: UnsafeMutablePointer<AVFrame>) throws {
        if frame.pointee.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC {
            let count = frame.pointee.ch_layout.nb_channels
            av_channel_layout_uninit(&frame.pointee.ch_layout)
            av_channel_layout_default(&frame.pointee.ch_layout, count)
        }
        let input = (frame.pointee.format, frame.pointee.sample_rate, frame.pointee.ch_layout.nb_channels)
        guard input.1 > 0, input.2 > 0 else {
            throw MediaError.ffmpeg(path: path, call: "swr_config_frame", code: vouch_averror(EINVAL), message: "the sound declares no sample rate or channels")
        }
        if let configured, configured == input { return }
        if configured != nil { swr_close(context) }
        prepareOutput(converted!)
        try MediaError.check(swr_config_frame(context, converted, frame), "swr_config_frame", path: path)
        try MediaError.check(swr_init(context), "swr_init", path: path)
        configured = input
    }

    /// Empties `frame` and describes the encoder's sample format on it.
    private func prepareOutput(_ frame: UnsafeMutablePointer<AVFrame>) {
        av_frame_unref(frame)
        frame.pointee.format = AV_SAMPLE_FMT_FLTP.rawValue
        frame.pointee.sample_rate = rate
        av_channel_layout_default(&frame.pointee.ch_layout, channels)
    }

    /// The frame's sample planes as the `void **` the audio FIFO takes.
    private static func planes(of frame: UnsafeMutablePointer<AVFrame>) -> UnsafeMutablePointer<UnsafeMutableRawPointer?> {
        UnsafeMutableRawPointer(frame.pointee.extended_data).assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
    }
}
