import CFFmpeg
import Foundation
import VouchMedia

/// The fast-start MP4 a rendition is written to.
///
/// A browser can start playing an MP4 only once it has the index (`moov`); written
/// after the samples, as a muxer must while it does not know them yet, it would make
/// the page download the whole clip first. `movflags=+faststart` has FFmpeg move it to
/// the front when the file is finished, by reading the file again through its path.
final class OutputContainer {
    let path: String
    private var context: UnsafeMutablePointer<AVFormatContext>?
    private var sourceTimeBases: [AVRational] = []
    /// The earliest start and latest end of the packets written to each stream, in its own time base.
    private var streamSpans: [(start: Int64, end: Int64)] = []

    init(path: String) throws {
        self.path = path
        var made: UnsafeMutablePointer<AVFormatContext>?
        try MediaError.check(avformat_alloc_output_context2(&made, nil, "mp4", path), "avformat_alloc_output_context2", path: path)
        guard let made else { throw MediaError.outOfMemory("avformat_alloc_output_context2", path: path) }
        context = made
        // The file protocol only: faststart reopens the output by its name.
        made.pointee.protocol_whitelist = av_strdup("file")
    }

    deinit {
        if let context, context.pointee.pb != nil {
            avio_closep(&context.pointee.pb)
        }
        avformat_free_context(context)
    }

    /// Whether an encoder writing to this container must put its headers in `extradata`.
    var wantsGlobalHeaders: Bool {
        (context!.pointee.oformat.pointee.flags & AVFMT_GLOBALHEADER) != 0
    }

    /// Adds a stream described by `parameters`, whose packets come in `timeBase`; returns its index.
    func addStream(_ parameters: UnsafePointer<AVCodecParameters>, timeBase: AVRational) throws -> Int {
        guard let stream = avformat_new_stream(context, nil) else { throw MediaError.outOfMemory("avformat_new_stream", path: path) }
        try MediaError.check(avcodec_parameters_copy(stream.pointee.codecpar, parameters), "avcodec_parameters_copy", path: path)
        // The source container's tag (for example `avc1` against `H264` from Matroska) need not be MP4's.
        stream.pointee.codecpar.pointee.codec_tag = 0
        stream.pointee.time_base = timeBase
        sourceTimeBases.append(timeBase)
        streamSpans.append((.max, .min))
        return Int(stream.pointee.index)
    }

    /// Adds the stream an opened encoder produces, its packets in the encoder's time base; returns its index.
    func addStream(encodedBy encoder: UnsafeMutablePointer<AVCodecContext>) throws -> Int {
        var parameters = avcodec_parameters_alloc()
        defer { avcodec_parameters_free(&parameters) }
        guard let parameters else { throw MediaError.outOfMemory("avcodec_parameters_alloc", path: path) }
        try MediaError.check(avcodec_parameters_from_context(parameters, encoder), "avcodec_parameters_from_context", path: path)
        return try addStream(parameters, timeBase: encoder.pointee.time_base)
    }

    /// Keeps a display matrix on stream `index`: the MP4 muxer writes it into the track header (`tkhd`).
    func setDisplayMatrix(_ matrix: UnsafePointer<Int32>, onStream index: Int) throws {
        let size = 9 * MemoryLayout<Int32>.size
        guard let data = av_stream_new_side_data(context!.pointee.streams[index], AV_PKT_DATA_DISPLAYMATRIX, size) else {
            throw MediaError.outOfMemory("av_stream_new_side_data", path: path)
        }
        data.withMemoryRebound(to: Int32.self, capacity: 9) { $0.update(from: matrix, count: 9) }
    }

    /// Opens the file and writes the header; streams are fixed from here on.
    func start() throws {
        try MediaError.check(avio_open(&context!.pointee.pb, path, AVIO_FLAG_WRITE), "avio_open", path: path)
        var options: OpaquePointer?
        av_dict_set(&options, "movflags", "+faststart", 0)
        defer { av_dict_free(&options) }
        try MediaError.check(avformat_write_header(context, &options), "avformat_write_header", path: path)
    }

    /// Writes `packet` (in the time base its stream was added with) to stream `index`; takes its data.
    func write(_ packet: UnsafeMutablePointer<AVPacket>, toStream index: Int) throws {
        let stream = context!.pointee.streams[index]!
        packet.pointee.stream_index = Int32(index)
        packet.pointee.pos = -1
        av_packet_rescale_ts(packet, sourceTimeBases[index], stream.pointee.time_base)
        let presented = packet.pointee.pts == vouch_nopts_value() ? packet.pointee.dts : packet.pointee.pts
        if presented != vouch_nopts_value() {
            streamSpans[index].start = min(streamSpans[index].start, presented)
            streamSpans[index].end = max(streamSpans[index].end, presented + max(0, packet.pointee.duration))
        }
        try MediaError.check(av_interleaved_write_frame(context, packet), "av_interleaved_write_frame", path: path)
    }

    /// Writes the index, moves it to the front and closes the file; returns the file's size.
    func finish() throws -> Int64 {
        try MediaError.check(av_write_trailer(context), "av_write_trailer", path: path)
        try MediaError.check(avio_closep(&context!.pointee.pb), "avio_closep", path: path)
        var status = stat()
        guard stat(path, &status) == 0 else { throw MediaError.fileNotFound(path: path) }
        return Int64(status.st_size)
    }

    /// How long stream `index` plays, in seconds, from the packets written to it.
    func seconds(ofStream index: Int) -> Double {
        let span = streamSpans[index]
        guard span.end > span.start else { return 0 }
        return Double(span.end - span.start) * av_q2d(context!.pointee.streams[index]!.pointee.time_base)
    }
}
