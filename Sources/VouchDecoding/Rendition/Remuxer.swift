import CFFmpeg
import VouchMedia

/// Copies an upload's video and sound packets, untouched, into a fast-start MP4.
///
/// Only the planned streams are kept (no data tracks, subtitles or second soundtracks),
/// with the video's display matrix, so the copy plays upright where the upload did.
struct Remuxer {
    let file: MediaFile
    let plan: RenditionPlan

    /// Writes the rendition to `output`; returns its size in bytes and how long its video plays.
    func remux(to output: String) throws -> (bytes: Int64, seconds: Double) {
        guard let format = file.format else { throw MediaError.noFrames(path: file.info.path) }
        let container = try OutputContainer(path: output)
        var outputIndex: [Int: Int] = [:]
        for source in [plan.videoStream] + [plan.audioStream].compactMap({ $0 }) {
            let stream = format.pointee.streams[source]!
            outputIndex[source] = try container.addStream(stream.pointee.codecpar, timeBase: stream.pointee.time_base)
        }
        if let matrix = vouch_display_matrix(format.pointee.streams[plan.videoStream]!), let video = outputIndex[plan.videoStream] {
            try container.setDisplayMatrix(matrix, onStream: video)
        }
        for index in 0..<Int(format.pointee.nb_streams) where outputIndex[index] == nil {
            format.pointee.streams[index]!.pointee.discard = AVDISCARD_ALL
        }
        try container.start()

        var packet = av_packet_alloc()
        defer { av_packet_free(&packet) }
        guard let packet else { throw MediaError.outOfMemory("av_packet_alloc", path: file.info.path) }
        var videoPackets = 0
        while try file.readPacket(into: packet) {
            defer { av_packet_unref(packet) }
            guard let target = outputIndex[Int(packet.pointee.stream_index)] else { continue }
            if Int(packet.pointee.stream_index) == plan.videoStream { videoPackets += 1 }
            try container.write(packet, toStream: target)
        }
        guard videoPackets > 0 else { throw MediaError.noFrames(path: file.info.path) }
        let bytes = try container.finish()
        return (bytes, container.seconds(ofStream: outputIndex[plan.videoStream] ?? 0))
    }
}
