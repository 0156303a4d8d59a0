import CFFmpeg
import VouchMedia

extension MediaFile {
    /// Decodes the video stream and hands `body` the frames `sampling` asks for, upright and in order.
    ///
    /// Throws a ``MediaError`` when the stream is truncated, holds no frames, runs
    /// past the duration limit or the decode-time budget. Frames already handed
    /// to `body` stay valid; the caller decides whether a failed clip's frames count.
    @discardableResult
    public func sampleFrames(
        _ sampling: FrameSampling,
        options: DecoderOptions = DecoderOptions(),
        _ body: (LumaFrame) throws -> Void
    ) throws -> DecodeStatistics {
        guard let format else { preconditionFailure("a MediaFile is open until it is released") }
        try rewindIfNeeded(format)
        let streamIndex = info.videoStreamIndex
        let stream = format.pointee.streams[streamIndex]!
        for index in 0..<Int(format.pointee.nb_streams) where index != streamIndex {
            format.pointee.streams[index]!.pointee.discard = AVDISCARD_ALL
        }
        let clock = StreamClock(stream)
        let orientation = DisplayOrientation(of: stream)
        let scaler = makeScaler(sampling.size, orientation: orientation)
        let decoder = try VideoDecoder(
            stream: stream, shortcuts: shortcuts(options.shortcuts, deliveringTo: scaler),
            threads: options.threads, maxPixels: limits.maxPixels, path: info.path
        )
        var schedule = SamplingSchedule(
            framesPerSecond: sampling.framesPerSecond,
            frameDuration: clock.frameDuration,
            keyframeDecodeTimes: options.shortcuts.contains(.skipToNextKeyframe) ? clock.keyframeDecodeTimes(stream) : [],
            reorderSlack: Double(stream.pointee.codecpar.pointee.video_delay + 2) * clock.frameDuration,
            standInReach: options.shortcuts.contains(.skipNonReferenceTargets) && stream.pointee.codecpar.pointee.video_delay > 0
                ? 1.5 * clock.frameDuration : 0
        )
        var statistics = DecodeStatistics()
        var packet = av_packet_alloc()
        var frame = av_frame_alloc()
        defer {
            av_packet_free(&packet)
            av_frame_free(&frame)
        }

        func drain() throws {
            while true {
                let received = decoder.receive(frame!)
                guard received >= 0 else {
                    if received != FFmpegResult.tryAgain && received != FFmpegResult.endOfFile { statistics.decodeErrors += 1 }
                    return
                }
                defer { av_frame_unref(frame) }
                statistics.framesDecoded += 1
                guard let time = clock.seconds(frame!.pointee.best_effort_timestamp), schedule.takes(frameAt: time),
                      let pixels = scaler.luma(of: frame!)
                else { continue }
                let stored = LumaFrame(width: scaler.width, height: scaler.height, timestamp: time, pixels: pixels)
                statistics.framesDelivered += 1
                try body(stored.oriented(orientation))
            }
        }

        while true {
            guard !deadline.hasExpired else {
                throw MediaError.decodeBudgetExceeded(path: info.path, budgetSeconds: deadline.budgetSeconds)
            }
            let read = av_read_frame(format, packet)
            if read == FFmpegResult.interrupted {
                throw MediaError.decodeBudgetExceeded(path: info.path, budgetSeconds: deadline.budgetSeconds)
            }
            guard read >= 0 else { break }
            defer { av_packet_unref(packet) }
            guard Int(packet!.pointee.stream_index) == streamIndex else { continue }
            statistics.packetsRead += 1
            let presentation = clock.seconds(packet!.pointee.pts)
            let decodeTime = clock.seconds(packet!.pointee.dts)
            if let end = presentation ?? decodeTime {
                statistics.secondsRead = max(statistics.secondsRead, end + clock.duration(of: packet!.pointee.duration))
            }
            guard statistics.secondsRead <= limits.maxDurationSeconds + clock.frameDuration else {
                throw MediaError.durationTooLong(path: info.path, seconds: statistics.secondsRead, limit: limits.maxDurationSeconds)
            }
            let plan = schedule.plan(
                presentationTime: presentation, decodeTime: decodeTime,
                isKeyframe: packet!.pointee.flags & AV_PKT_FLAG_KEY != 0
            )
            guard plan != .drop else {
                statistics.packetsDropped += 1
                continue
            }
            decoder.prepare(for: plan)
            if decoder.send(packet) < 0 { statistics.decodeErrors += 1 }
            try drain()
        }
        _ = decoder.send(nil)
        try drain()
        try checkCompleteness(statistics)
        return statistics
    }

    func rewindIfNeeded(_ format: UnsafeMutablePointer<AVFormatContext>) throws {
        guard format.pointee.pb != nil, avio_tell(format.pointee.pb) > 0, hasBeenRead else {
            hasBeenRead = true
            return
        }
        let code = avformat_seek_file(format, -1, Int64.min, 0, 0, 0)
        guard code >= 0 else {
            throw MediaError.ffmpeg(path: info.path, call: "avformat_seek_file", code: code, message: FFmpegResult.message(for: code))
        }
    }

    private func makeScaler(_ size: FrameSize, orientation: DisplayOrientation) -> LumaScaler {
        let video = info.video
        let turned = orientation.clockwiseDegrees == 90 || orientation.clockwiseDegrees == 270
        let storedWidth = video.width ?? 1
        let storedHeight = video.height ?? 1
        let upright = size.resolve(width: turned ? storedHeight : storedWidth, height: turned ? storedWidth : storedHeight)
        return turned ? LumaScaler(width: upright.height, height: upright.width) : LumaScaler(width: upright.width, height: upright.height)
    }

    /// Skipping the loop filter drifts references by a few luma levels, which
    /// averages out when frames are delivered at half the stream's size or less
    /// and shows when they are not; there it is not worth its 20%.
    private func shortcuts(_ requested: DecodeShortcuts, deliveringTo scaler: LumaScaler) -> DecodeShortcuts {
        let video = info.video
        let downscaled = scaler.width * 2 <= (video.width ?? 0) && scaler.height * 2 <= (video.height ?? 0)
        return downscaled ? requested : requested.subtracting(.skipLoopFilter)
    }

    /// A stream that yields no frame, or ends well before the duration its header
    /// declares, is rejected rather than fingerprinted from a fragment.
    private func checkCompleteness(_ statistics: DecodeStatistics) throws {
        guard statistics.framesDecoded > 0 else {
            throw statistics.packetsRead > 0 && statistics.decodeErrors > 0
                ? MediaError.damagedContainer(path: info.path, container: info.container, detail: "no frame could be decoded")
                : MediaError.noFrames(path: info.path)
        }
        let durationIsDeclared = format.map { $0.pointee.duration_estimation_method != AVFMT_DURATION_FROM_BITRATE } ?? false
        if durationIsDeclared, let declared = info.video.durationSeconds ?? info.durationSeconds,
           statistics.secondsRead < declared * 0.95 - 0.5 {
            throw MediaError.truncated(path: info.path, readSeconds: statistics.secondsRead, declaredSeconds: declared)
        }
    }
}
