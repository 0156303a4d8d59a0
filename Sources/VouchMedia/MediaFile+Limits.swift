import CFFmpeg

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
        let duration = video.durationSeconds ?? info.durationSeconds
        if let duration, duration > limits.maxDurationSeconds {
            throw MediaError.durationTooLong(path: info.path, seconds: duration, limit: limits.maxDurationSeconds)
        }
        if video.frameCount == nil, let duration, duration <= 0 {
            throw MediaError.noFrames(path: info.path)
        }
        let codec = avcodec_find_decoder(avcodec_descriptor_get_by_name(video.codec)?.pointee.id ?? AV_CODEC_ID_NONE)
        guard codec != nil else {
            throw MediaError.unsupportedCodec(path: info.path, codec: video.codec)
        }
    }
}
