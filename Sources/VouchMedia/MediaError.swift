import Foundation

/// Why a clip could not be read.
///
/// Every case names the file and says what the uploader or operator can do about
/// it. Hostile or broken media always ends in one of these, never in a crash.
public enum MediaError: Error, Sendable, Equatable {
    case fileNotFound(path: String)
    case notARegularFile(path: String)
    case emptyFile(path: String)
    case fileTooLarge(path: String, bytes: Int64, limit: Int64)
    case unrecognizedFormat(path: String)
    case containerNotAllowed(path: String, container: String)
    case damagedContainer(path: String, container: String, detail: String)
    case noVideoStream(path: String, otherStreams: [String])
    case unsupportedCodec(path: String, codec: String)
    case codecNotAllowed(path: String, codec: String)
    case dimensionsOutOfRange(path: String, width: Int, height: Int, maxPixels: Int)
    case durationTooLong(path: String, seconds: Double, limit: Double)
    case noFrames(path: String)
    case truncated(path: String, readSeconds: Double, declaredSeconds: Double)
    case decodeBudgetExceeded(path: String, budgetSeconds: Double)
    case ffmpeg(path: String, call: String, code: Int32, message: String)
}

extension MediaError {
    /// A stable, machine-readable name for the failure, used in JSON output and API problem types.
    public var reason: String {
        switch self {
        case .fileNotFound: "file-not-found"
        case .notARegularFile: "not-a-regular-file"
        case .emptyFile: "empty-file"
        case .fileTooLarge: "file-too-large"
        case .unrecognizedFormat: "unrecognized-format"
        case .containerNotAllowed: "container-not-allowed"
        case .damagedContainer: "damaged-container"
        case .noVideoStream: "no-video-stream"
        case .unsupportedCodec: "unsupported-codec"
        case .codecNotAllowed: "codec-not-allowed"
        case .dimensionsOutOfRange: "dimensions-out-of-range"
        case .durationTooLong: "duration-too-long"
        case .noFrames: "no-frames"
        case .truncated: "truncated"
        case .decodeBudgetExceeded: "decode-budget-exceeded"
        case .ffmpeg: "decoder-error"
        }
    }
}

extension MediaError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .fileNotFound(let path):
            "\(path): no such file. Check the path."
        case .notARegularFile(let path):
            "\(path): not a regular file. Pass a video file, not a directory or device."
        case .emptyFile(let path):
            "\(path): the file is empty (0 bytes). The upload did not complete; send the file again."
        case .fileTooLarge(let path, let bytes, let limit):
            "\(path): the file is \(bytes) bytes, over the limit of \(limit). Trim or re-encode the clip, or raise media.limits.maxFileBytes."
        case .unrecognizedFormat(let path):
            "\(path): not a video file Vouch recognises. Upload an MP4, MOV, WebM or MKV clip."
        case .containerNotAllowed(let path, let container):
            "\(path): the container '\(container)' is not accepted for uploads. Re-encode the clip as MP4 or WebM."
        case .damagedContainer(let path, let container, let detail):
            "\(path): the \(container) container is damaged or truncated (\(detail)). The file was cut short or corrupted in transfer; export or upload it again."
        case .noVideoStream(let path, let others):
            others.isEmpty
                ? "\(path): the file holds no video stream. A review must be a video clip."
                : "\(path): the file holds no video stream, only \(others.joined(separator: ", ")). A review must be a video clip."
        case .unsupportedCodec(let path, let codec):
            "\(path): the video codec '\(codec)' cannot be decoded here. Re-encode the clip as H.264, HEVC, VP9 or AV1."
        case .codecNotAllowed(let path, let codec):
            "\(path): the video codec '\(codec)' is not accepted for uploads. Re-encode the clip as H.264, HEVC, VP9 or AV1, or add the codec to media.limits.allowedCodecs."
        case .dimensionsOutOfRange(let path, let width, let height, _) where width <= 0 || height <= 0:
            "\(path): the video stream declares no usable frame size (\(width)×\(height)); FFmpeg rejected what the header says. The file is damaged or crafted; export the clip again."
        case .dimensionsOutOfRange(let path, let width, let height, let maxPixels):
            "\(path): the video declares \(width)×\(height) pixels, outside the accepted range (1 to \(maxPixels) pixels a frame). Downscale the clip, or raise media.limits.maxPixels."
        case .durationTooLong(let path, let seconds, let limit):
            "\(path): the clip runs \(Self.format(seconds)) s, over the limit of \(Self.format(limit)) s. Trim the clip, or raise media.limits.maxDurationSeconds."
        case .noFrames(let path):
            "\(path): the video stream holds no frames (zero duration). Record or export the clip again."
        case .truncated(let path, let read, let declared):
            "\(path): the file ends after \(Self.format(read)) s of the \(Self.format(declared)) s it declares. It was cut short; upload the whole file again."
        case .decodeBudgetExceeded(let path, let budget):
            "\(path): decoding took longer than its budget of \(Self.format(budget)) s and was stopped. The file may be hostile; if it is genuine, raise media.limits.decodeBudgetSeconds."
        case .ffmpeg(let path, let call, let code, let message):
            "\(path): \(call) failed with FFmpeg error \(code) (\(message)). The file is corrupt or uses features Vouch cannot read; re-encode it as H.264 MP4."
        }
    }

    private static func format(_ seconds: Double) -> String {
        String(format: "%.2f", seconds)
    }
}
