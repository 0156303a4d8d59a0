import CFFmpeg
import VouchMedia

extension MediaFile {
    /// The poster of the clip: the first keyframe at or after `seconds` (the first one of
    /// the clip when the index finds none), upright, fitting `maxSide` pixels, as a JPEG.
    ///
    /// Decoding one keyframe costs milliseconds, where decoding up to an exact time would
    /// cost every frame before it; a keyframe is also the sharpest frame near that point.
    /// The file is read from wherever the last pass left it, after seeking.
    func posterJPEG(at seconds: Double, maxSide: Int) throws -> KeyframeJPEG {
        guard let format else { throw MediaError.noFrames(path: info.path) }
        let streamIndex = info.videoStreamIndex
        let stream = format.pointee.streams[streamIndex]!
        for index in 0..<Int(format.pointee.nb_streams) {
            format.pointee.streams[index]!.pointee.discard = index == streamIndex ? AVDISCARD_DEFAULT : AVDISCARD_ALL
        }
        let clock = StreamClock(stream)
        let target = clock.start + Int64(max(0, seconds) / max(av_q2d(clock.timeBase), .leastNonzeroMagnitude))
        if avformat_seek_file(format, Int32(streamIndex), target, target, Int64.max, 0) < 0 {
            try MediaError.check(avformat_seek_file(format, -1, Int64.min, 0, 0, 0), "avformat_seek_file", path: info.path)
        }
        let decoder = try VideoDecoder(stream: stream, shortcuts: [], threads: 1, maxPixels: limits.maxPixels, path: info.path)
        var packet = av_packet_alloc()
        var frame = av_frame_alloc()
        defer {
            av_packet_free(&packet)
            av_frame_free(&frame)
        }
        guard let packet, let frame else { throw MediaError.outOfMemory("av_packet_alloc", path: info.path) }
        while try readPacket(into: packet) {
            defer { av_packet_unref(packet) }
            guard Int(packet.pointee.stream_index) == streamIndex, packet.pointee.flags & AV_PKT_FLAG_KEY != 0 else { continue }
            // The keyframe alone, then a flush: the decoder hands it out without waiting for the frames it reorders.
            guard decoder.send(packet) >= 0, decoder.send(nil) >= 0, decoder.receive(frame) >= 0 else { break }
            defer { av_frame_unref(frame) }
            let time = clock.seconds(frame.pointee.best_effort_timestamp) ?? 0
            let scaler = ColourScaler(fitting: maxSide, width: Int(frame.pointee.width), height: Int(frame.pointee.height))
            guard let planes = scaler.planes(of: frame, timestamp: time) else { break }
            let upright = planes.map { $0.oriented(DisplayOrientation(of: stream)) }
            let data = try JPEGEncoder().encode(luma: upright[0], blue: upright[1], red: upright[2], path: info.path)
            return KeyframeJPEG(timestamp: time, width: upright[0].width, height: upright[0].height, data: data)
        }
        throw MediaError.damagedContainer(path: info.path, container: info.container, detail: "no keyframe could be decoded for the poster")
    }
}
