import CFFmpeg
import VouchMedia

extension MediaError {
    /// Throws ``MediaError/ffmpeg(path:call:code:message:)`` when an FFmpeg call returned a negative code.
    static func check(_ code: Int32, _ call: String, path: String) throws {
        guard code >= 0 else { throw failed(call, code: code, path: path) }
    }

    static func failed(_ call: String, code: Int32, path: String) -> MediaError {
        .ffmpeg(path: path, call: call, code: code, message: FFmpegResult.message(for: code))
    }

    /// An allocation FFmpeg could not make.
    static func outOfMemory(_ call: String, path: String) -> MediaError {
        .ffmpeg(path: path, call: call, code: vouch_averror(ENOMEM), message: "out of memory")
    }
}
