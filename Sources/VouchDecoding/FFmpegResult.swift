import CFFmpeg

/// Turns FFmpeg's negative return codes into readable text.
enum FFmpegResult {
    static func message(for code: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        vouch_error_string(code, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static let endOfFile = vouch_averror_eof()
    static let tryAgain = vouch_averror_eagain()
    static let invalidData = vouch_averror_invaliddata()
    static let interrupted = vouch_averror_exit()
}
