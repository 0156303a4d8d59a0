import CFFmpeg
import VouchMedia

extension MediaFile {
    /// Reads the next packet of the kept streams into `packet`; false at the end of the file.
    ///
    /// A read error ends the file as the end does: what was read before it stands, and the
    /// rendition's length is checked against the declared duration afterwards. The decode
    /// budget and the duration limit apply to every packet, so a file that declares a short
    /// duration but holds hours of packets is stopped when it passes the limit.
    func readPacket(into packet: UnsafeMutablePointer<AVPacket>) throws -> Bool {
        guard let format else { return false }
        guard !deadline.hasExpired else {
            throw MediaError.decodeBudgetExceeded(path: info.path, budgetSeconds: deadline.budgetSeconds)
        }
        let read = av_read_frame(format, packet)
        if read == FFmpegResult.interrupted || deadline.hasExpired {
            av_packet_unref(packet)
            throw MediaError.decodeBudgetExceeded(path: info.path, budgetSeconds: deadline.budgetSeconds)
        }
        guard read >= 0 else { return false }
        let clock = StreamClock(format.pointee.streams[Int(packet.pointee.stream_index)]!)
        if let time = clock.seconds(packet.pointee.dts == vouch_nopts_value() ? packet.pointee.pts : packet.pointee.dts),
           time > limits.maxDurationSeconds + 1 {
            av_packet_unref(packet)
            throw MediaError.durationTooLong(path: info.path, seconds: time, limit: limits.maxDurationSeconds)
        }
        return true
    }
}
