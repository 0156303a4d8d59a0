import CFFmpeg

/// Converts one stream's timestamps to seconds from its start.
struct StreamClock {
    let timeBase: AVRational
    let start: Int64
    /// The nominal time between frames; 1/30 s when the stream does not say.
    let frameDuration: Double

    init(_ stream: UnsafeMutablePointer<AVStream>) {
        timeBase = stream.pointee.time_base
        let declaredStart = stream.pointee.start_time
        start = declaredStart == vouch_nopts_value() ? 0 : declaredStart
        frameDuration = 1 / (MediaFile.frameRate(of: stream) ?? 30)
    }

    func seconds(_ timestamp: Int64) -> Double? {
        guard timestamp != vouch_nopts_value(), timeBase.den != 0 else { return nil }
        return Double(timestamp - start) * av_q2d(timeBase)
    }

    func duration(of ticks: Int64) -> Double {
        ticks > 0 ? Double(ticks) * av_q2d(timeBase) : frameDuration
    }

    /// Decode times of the keyframes the demuxer has indexed (MP4's sync-sample table,
    /// Matroska's cues); empty for containers without an index.
    func keyframeDecodeTimes(_ stream: UnsafeMutablePointer<AVStream>) -> [Double] {
        (0..<avformat_index_get_entries_count(stream)).compactMap { position in
            guard let entry = avformat_index_get_entry(stream, position), vouch_index_entry_is_keyframe(entry) != 0 else { return nil }
            return seconds(entry.pointee.timestamp)
        }
    }
}
