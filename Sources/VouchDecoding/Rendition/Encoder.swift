import CFFmpeg
import VouchMedia

/// One opened libavcodec encoder, as a rendition writes a stream with it: add its stream
/// to the output, send frames (nil flushes), receive packets. ``AudioEncoder`` and
/// ``VideoEncoder`` say how each is set up; this is what they share.
final class Encoder {
    private var context: UnsafeMutablePointer<AVCodecContext>?
    /// The encoder's name, in errors.
    private let name: String
    private let path: String

    /// Finds the encoder `name`, lets `configure` set up its context, and opens it with `options`.
    init(named name: String, path: String, options: [(String, String)] = [],
         configure: (UnsafeMutablePointer<AVCodecContext>) -> Void) throws {
        self.name = name
        self.path = path
        guard let codec = avcodec_find_encoder_by_name(name) else {
            throw MediaError.unsupportedCodec(path: path, codec: "\(name) (encoder)")
        }
        context = avcodec_alloc_context3(codec)
        guard let context else { throw MediaError.outOfMemory("avcodec_alloc_context3", path: path) }
        configure(context)
        var dictionary: OpaquePointer?
        for (key, value) in options { av_dict_set(&dictionary, key, value, 0) }
        defer { av_dict_free(&dictionary) }
        try MediaError.check(avcodec_open2(context, codec, &dictionary), "avcodec_open2(\(name))", path: path)
    }

    deinit {
        avcodec_free_context(&context)
    }

    /// The opened context, to read what the encoder settled on (its frame size, its rate).
    var settings: AVCodecContext { context!.pointee }

    /// Adds the stream this encoder writes to `container`; returns its index there.
    func addStream(to container: OutputContainer) throws -> Int {
        try container.addStream(encodedBy: context!)
    }

    /// Submits a frame; nil flushes the encoder at the end of the stream.
    func send(_ frame: UnsafeMutablePointer<AVFrame>?) throws {
        try MediaError.check(avcodec_send_frame(context, frame), "avcodec_send_frame(\(name))", path: path)
    }

    /// The next encoded packet into `packet`; false when the encoder needs more frames or is done.
    func receive(_ packet: UnsafeMutablePointer<AVPacket>) throws -> Bool {
        let code = avcodec_receive_packet(context, packet)
        if code == FFmpegResult.tryAgain || code == FFmpegResult.endOfFile { return false }
        try MediaError.check(code, "avcodec_receive_packet(\(name))", path: path)
        return true
    }
}
