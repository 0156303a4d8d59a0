import CFFmpeg
import VouchMedia

/// Which streams of an upload go into its rendition, and whether they can be copied.
///
/// Copying (remuxing) costs a few milliseconds where encoding costs seconds, so it is
/// taken whenever every browser can already play what the upload holds: H.264 in 8-bit
/// 4:2:0 from an MP4 or QuickTime file, with AAC sound or none. A display matrix is
/// kept as it is (Chromium, Firefox and Safari turn MP4 video by its track matrix), but
/// a mirroring one is not a turn every player honours, so a mirrored clip is transcoded.
struct RenditionPlan: Equatable {
    let method: RenditionReport.Method
    let videoStream: Int
    /// The audio stream kept, if any: a transcode drops sound no allowed decoder reads.
    let audioStream: Int?
    let orientation: DisplayOrientation

    /// Audio decoders a transcode may open on an upload: the common ones, well fuzzed.
    static let decodableAudioCodecs: Set<String> = [
        "aac", "mp3", "opus", "vorbis", "flac", "alac", "ac3", "eac3",
        "pcm_s16le", "pcm_s16be", "pcm_s24le", "pcm_s24be", "pcm_f32le", "pcm_u8",
    ]

    init(info: MediaInfo, orientation: DisplayOrientation, audioStream: Int?) {
        videoStream = info.videoStreamIndex
        self.orientation = orientation
        let audio = audioStream.flatMap { index in info.streams.first { $0.index == index } }
        let video = info.video
        let copiable = info.container.split(separator: ",").contains { $0 == "mov" || $0 == "mp4" }
            && video.codec == "h264"
            && ["yuv420p", "yuvj420p"].contains(video.pixelFormat ?? "")
            && !orientation.mirrored
            && (audio == nil || audio?.codec == "aac")
        method = copiable ? .remux : .transcode
        self.audioStream = copiable || audio.map { Self.decodableAudioCodecs.contains($0.codec) } == true ? audio?.index : nil
    }
}

extension MediaFile {
    /// The stream FFmpeg would play as the clip's sound, if there is one.
    var bestAudioStream: Int? {
        guard let format else { return nil }
        let index = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, Int32(info.videoStreamIndex), nil, 0)
        return index >= 0 ? Int(index) : nil
    }
}
