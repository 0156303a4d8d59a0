import CFFmpeg
import VouchMedia

extension MediaFile {
    /// Rejects a probed file that cannot be a review clip, or that is over a limit,
    /// before any frame is decoded.
    static func check(_ info: MediaInfo, against limits: MediaLimits) throws {
        let video = info.video
        let width = video.width ?? 0
        let height = video.height ?? 0
        guard width > 0, height > 0, width.multipliedReportingOverflow(by: height).partialValue <= limits.maxPixels,
              !width.multipliedReportingOverflow(by: height).overflow
        else {
            throw MediaError.dimensionsOutOfRange(path: info.path, width: width, height: height, maxPixels: limits.maxPixels)
        }
        if let playing = playingTime(of: info), playing > limits.maxDurationSeconds {
            throw MediaError.durationTooLong(path: info.path, seconds: playing, limit: limits.maxDurationSeconds)
        }
        let duration = video.durationSeconds ?? info.durationSeconds
        if video.frameCount == nil, let duration, duration <= 0 {
            throw MediaError.noFrames(path: info.path)
        }
        guard limits.allowedCodecs.contains(video.codec) else {
            throw MediaError.codecNotAllowed(path: info.path, codec: video.codec)
        }
        let codec = avcodec_find_decoder(avcodec_descriptor_get_by_name(video.codec)?.pointee.id ?? AV_CODEC_ID_NONE)
        guard codec != nil else {
            throw MediaError.unsupportedCodec(path: info.path, codec: video.codec)
        }
    }

    /// How long the file plays: the later of the container's duration and the end of
    /// its last stream, whatever the stream carries. A two-second video over ten hours
    /// of audio is a ten-hour file to every player and to the moderator's timeline.
    static func playingTime(of info: MediaInfo) -> Double? {
        let ends = info.streams.compactMap { stream in stream.durationSeconds.map { $0 + (stream.startSeconds ?? 0) } }
        return (ends + [info.durationSeconds].compactMap { $0 }).max()
    }
}
