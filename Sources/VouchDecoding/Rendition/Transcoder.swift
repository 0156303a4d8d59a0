import CFFmpeg
import VouchMedia

/// Decodes an upload and encodes it again as a web rendition: H.264 at most 720p on
/// its short side, upright, with AAC sound, in a fast-start MP4.
///
/// One pass over the file: each video packet goes through the decoder, the
/// ``UprightScaler`` and libx264, each audio packet through its decoder, the
/// ``AudioResampler`` and the AAC encoder, and the muxer interleaves what comes out.
/// Timestamps are the source's, counted from the video stream's start, so sound and
/// picture stay together and variable frame rates survive.
final class Transcoder {
    private let file: MediaFile
    private let plan: RenditionPlan
    private let settings: RenditionSettings
    private let container: OutputContainer
    private let video: VideoLane
    private let audio: AudioLane?

    init(file: MediaFile, plan: RenditionPlan, settings: RenditionSettings, output: String) throws {
        guard let format = file.format else { throw MediaError.noFrames(path: file.info.path) }
        self.file = file
        self.plan = plan
        self.settings = settings
        let container = try OutputContainer(path: output)
        self.container = container
        for index in 0..<Int(format.pointee.nb_streams) where index != plan.videoStream && index != plan.audioStream {
            format.pointee.streams[index]!.pointee.discard = AVDISCARD_ALL
        }
        let videoStream = format.pointee.streams[plan.videoStream]!
        video = try VideoLane(stream: videoStream, file: file, plan: plan, settings: settings, container: container)
        audio = try plan.audioStream.map { [container] index in
            try AudioLane(stream: format.pointee.streams[index]!, videoClock: StreamClock(videoStream), file: file,
                          settings: settings, container: container)
        }
    }

    /// Writes the rendition; returns its size in bytes and how long its video plays.
    func run() throws -> (bytes: Int64, seconds: Double) {
        try container.start()
        var packet = av_packet_alloc()
        var frame = av_frame_alloc()
        var encoded = av_packet_alloc()
        defer {
            av_packet_free(&packet)
            av_frame_free(&frame)
            av_packet_free(&encoded)
        }
        guard let packet, let frame, let encoded else { throw MediaError.outOfMemory("av_packet_alloc", path: file.info.path) }
        while try file.readPacket(into: packet) {
            defer { av_packet_unref(packet) }
            switch Int(packet.pointee.stream_index) {
            case plan.videoStream: try video.decode(packet, frame: frame, packet: encoded)
            case plan.audioStream: try audio?.decode(packet, frame: frame, packet: encoded)
            default: continue
            }
        }
        try video.decode(nil, frame: frame, packet: encoded)
        try audio?.decode(nil, frame: frame, packet: encoded)
        guard video.framesEncoded > 0 else {
            throw video.decodeErrors > 0
                ? MediaError.damagedContainer(path: file.info.path, container: file.info.container, detail: "no frame could be decoded")
                : MediaError.noFrames(path: file.info.path)
        }
        let bytes = try container.finish()
        return (bytes, container.seconds(ofStream: video.outputStream))
    }
}
