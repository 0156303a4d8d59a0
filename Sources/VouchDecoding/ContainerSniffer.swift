import CFFmpeg
import Foundation

/// Identifies a container from its first bytes alone, ignoring the file name.
///
/// FFmpeg also trusts the extension when it probes, so a text file named
/// `review.mp4` "is" an MP4 to it. When opening fails, this second opinion tells
/// a damaged MP4 apart from something that was never a video.
enum ContainerSniffer {
    static let headerBytes = 1 << 16
    /// AVPROBE_SCORE_RETRY: below it FFmpeg itself would keep reading before deciding.
    static let probeScoreRetry: Int32 = 25

    /// The demuxer name that the content matches with confidence, or nil.
    static func detect(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: headerBytes), !head.isEmpty else { return nil }
        var padded = [UInt8](head)
        padded.append(contentsOf: repeatElement(0, count: Int(AVPROBE_PADDING_SIZE)))
        return padded.withUnsafeMutableBufferPointer { bytes -> String? in
            "".withCString { emptyName in
                var probe = AVProbeData()
                probe.filename = emptyName
                probe.buf = bytes.baseAddress
                probe.buf_size = Int32(head.count)
                var score: Int32 = 0
                guard let format = av_probe_input_format3(&probe, 1, &score), score > probeScoreRetry else { return nil }
                return String(cString: format.pointee.name)
            }
        }
    }
}
