import CFFmpeg
import Foundation

/// Controls how much FFmpeg writes to standard error.
///
/// A service decoding untrusted uploads would otherwise print FFmpeg's warnings
/// about every broken file; Vouch reports those failures through ``MediaError``.
/// Set `VOUCH_FFMPEG_LOG` to `error`, `warning`, `info` or `debug` to see FFmpeg's
/// own messages while investigating a clip.
enum FFmpegLog {
    /// How much FFmpeg prints.
    enum Level: String {
        case quiet, error, warning, info, debug

        var ffmpegValue: Int32 {
            switch self {
            case .quiet: AV_LOG_QUIET
            case .error: AV_LOG_ERROR
            case .warning: AV_LOG_WARNING
            case .info: AV_LOG_INFO
            case .debug: AV_LOG_DEBUG
            }
        }
    }

    private static let configured: Void = {
        let requested = ProcessInfo.processInfo.environment["VOUCH_FFMPEG_LOG"].flatMap(Level.init(rawValue:))
        av_log_set_level((requested ?? .quiet).ffmpegValue)
    }()

    /// Applies the level once per process, before the first file is opened.
    static func configure() {
        _ = configured
    }
}
