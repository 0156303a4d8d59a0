import CFFmpeg

/// Controls how much FFmpeg writes to standard error.
///
/// A service decoding untrusted uploads would otherwise print FFmpeg's warnings
/// about every broken file; Vouch reports those failures through ``MediaError``.
public enum FFmpegLog {
    /// How much FFmpeg prints.
    public enum Level: Int32, Sendable {
        case quiet = -8
        case error = 16
        case warning = 24
        case info = 32
        case debug = 48
    }

    public static func setLevel(_ level: Level) {
        quietByDefault()
        av_log_set_level(level.rawValue)
    }

    private static let quietOnce: Void = av_log_set_level(Level.quiet.rawValue)

    static func quietByDefault() {
        _ = quietOnce
    }
}
