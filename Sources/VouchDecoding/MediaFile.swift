import CFFmpeg
import Foundation
import VouchMedia

/// One untrusted clip, opened for reading, with Vouch's limits applied.
///
/// Opening checks the file on disk, restricts FFmpeg to local files, to the allowed
/// containers (so a playlist cannot make the demuxer fetch anything) and to the
/// decoders of the allowed codecs,
/// probes the streams and checks every limit that can be checked before decoding.
/// ``sampleFrames(_:_:)`` checks the rest while it decodes.
public final class MediaFile {
    public let info: MediaInfo
    public let limits: MediaLimits
    let deadline: DecodeDeadline
    var format: UnsafeMutablePointer<AVFormatContext>?
    var hasBeenRead = false

    /// Opens and probes `path`, throwing a ``MediaError`` for anything unreadable or over a limit.
    public init(path: String, limits: MediaLimits = MediaLimits()) throws {
        FFmpegLog.configure()
        let size = try Self.checkFileOnDisk(path, limits: limits)
        self.limits = limits
        deadline = DecodeDeadline(budgetSeconds: limits.decodeBudgetSeconds)
        format = try Self.openContainer(path, limits: limits, deadline: deadline)
        do {
            let probed = try Self.describe(format!, path: path, sizeBytes: size)
            try Self.check(probed, against: limits)
            info = probed
        } catch {
            avformat_close_input(&format)
            throw error
        }
    }

    deinit {
        avformat_close_input(&format)
    }

    /// Probes `path` and returns what it holds, closing the file again.
    public static func probe(_ path: String, limits: MediaLimits = MediaLimits()) throws -> MediaInfo {
        try MediaFile(path: path, limits: limits).info
    }

    private static func checkFileOnDisk(_ path: String, limits: MediaLimits) throws -> Int64 {
        var status = stat()
        guard stat(path, &status) == 0 else { throw MediaError.fileNotFound(path: path) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw MediaError.notARegularFile(path: path) }
        let size = Int64(status.st_size)
        guard size > 0 else { throw MediaError.emptyFile(path: path) }
        guard size <= limits.maxFileBytes else {
            throw MediaError.fileTooLarge(path: path, bytes: size, limit: limits.maxFileBytes)
        }
        return size
    }

    private static func openContainer(
        _ path: String, limits: MediaLimits, deadline: DecodeDeadline
    ) throws -> UnsafeMutablePointer<AVFormatContext> {
        var context = avformat_alloc_context()
        guard context != nil else {
            throw MediaError.ffmpeg(path: path, call: "avformat_alloc_context", code: vouch_averror(ENOMEM), message: "out of memory")
        }
        context!.pointee.interrupt_callback = deadline.interruptCallback
        var options: OpaquePointer?
        av_dict_set(&options, "protocol_whitelist", "file", 0)
        av_dict_set(&options, "format_whitelist", limits.allowedContainers.joined(separator: ","), 0)
        av_dict_set(&options, "codec_whitelist", limits.allowedDecoders.joined(separator: ","), 0)
        let opened = avformat_open_input(&context, path, nil, &options)
        av_dict_free(&options)
        guard opened >= 0, let context else {
            throw failureToOpen(path, code: opened, limits: limits, deadline: deadline)
        }
        let analysed = avformat_find_stream_info(context, nil)
        if analysed < 0 {
            var doomed: UnsafeMutablePointer<AVFormatContext>? = context
            avformat_close_input(&doomed)
            if deadline.hasExpired { throw MediaError.decodeBudgetExceeded(path: path, budgetSeconds: deadline.budgetSeconds) }
            throw MediaError.damagedContainer(path: path, container: String(cString: context.pointee.iformat.pointee.name), detail: FFmpegResult.message(for: analysed))
        }
        return context
    }

    /// Names what went wrong when FFmpeg refused to open a file: a timeout, a
    /// format nobody recognises, a container outside the allowed list, or a damaged one.
    private static func failureToOpen(_ path: String, code: Int32, limits: MediaLimits, deadline: DecodeDeadline) -> MediaError {
        if deadline.hasExpired || code == FFmpegResult.interrupted {
            return .decodeBudgetExceeded(path: path, budgetSeconds: deadline.budgetSeconds)
        }
        guard let detected = ContainerSniffer.detect(path) else {
            return .unrecognizedFormat(path: path)
        }
        guard av_match_list(detected, limits.allowedContainers.joined(separator: ","), 44) > 0 else {
            return .containerNotAllowed(path: path, container: detected)
        }
        return .damagedContainer(path: path, container: detected, detail: FFmpegResult.message(for: code))
    }
}
