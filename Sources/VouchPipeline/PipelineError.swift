import Foundation

/// Why the pipeline could not finish a clip, split by whether trying again could help.
public enum PipelineError: Error, Equatable, CustomStringConvertible {
    /// The clip itself is at fault: corrupt, truncated, over a limit, not a video.
    case rejectedMedia(String)
    /// The analysis child died from a signal: a decoder crash, or the CPU or memory limit.
    case childCrashed(signal: Int32)
    /// The analysis child ran past the wall-clock limit and was killed.
    case childTimedOut(seconds: Double)
    /// The analysis child exited without a usable answer.
    case childFailed(status: Int32, detail: String)
    /// The child could not be started at all.
    case childUnavailable(String)
    /// The spooled upload is gone.
    case uploadMissing(path: String)
    /// The process refused resource limits.
    case limitsRefused(resource: String, errno: Int32)
    /// The child could not enter a sandbox layer that the settings require.
    case sandboxIncomplete(layer: SandboxLayer, reason: String)
    /// The child wrote more than its answer may hold, and was killed.
    case childAnswerTooLarge(limit: Int)
    /// The media store could not keep the clip's original or rendition.
    case mediaStoreUnavailable(String)

    /// Whether another attempt might succeed: only for faults outside the clip.
    public var isRetryable: Bool {
        switch self {
        case .childUnavailable, .mediaStoreUnavailable: return true
        case .rejectedMedia, .childCrashed, .childTimedOut, .childFailed, .uploadMissing, .limitsRefused, .sandboxIncomplete, .childAnswerTooLarge:
            return false
        }
    }

    /// What the platform that sent the clip is told: why, in words it can act on, with no
    /// path, process output or errno (those go to the operator's log, with ``description``).
    public func platformMessage(uploadPath: String?) -> String {
        switch self {
        case .rejectedMedia(let reason):
            guard let uploadPath, !uploadPath.isEmpty else { return reason }
            return reason.replacingOccurrences(of: uploadPath, with: "the upload")
        case .childCrashed, .childTimedOut, .childAnswerTooLarge: return description
        case .childFailed, .childUnavailable, .limitsRefused, .sandboxIncomplete, .mediaStoreUnavailable:
            return "the clip could not be analysed because of a fault on the server; the operator's log has the details"
        case .uploadMissing: return "the uploaded file is no longer on the server; upload the clip again"
        }
    }

    public var description: String {
        switch self {
        case .rejectedMedia(let reason): return reason
        case .childCrashed(let signal):
            let name = [6: "SIGABRT", 9: "SIGKILL (memory or CPU limit)", 11: "SIGSEGV", 24: "SIGXCPU (CPU limit)", 25: "SIGXFSZ (output size limit)", 7: "SIGBUS"][Int(signal)] ?? "signal \(signal)"
            return "the decoder crashed on this clip (\(name)); the clip is treated as hostile and not analysed"
        case .childTimedOut(let seconds):
            return "the decoder did not finish within \(Int(seconds)) s and was stopped; the clip is treated as hostile"
        case .childFailed(let status, let detail):
            return "the analysis process exited with status \(status): \(detail)"
        case .childUnavailable(let reason): return "cannot start the analysis process: \(reason)"
        case .uploadMissing(let path): return "the uploaded file \(path) is no longer in the spool"
        case .limitsRefused(let resource, let code): return "cannot set the \(resource) limit (errno \(code))"
        case .sandboxIncomplete(let layer, let reason):
            return "the analysis sandbox's \(layer.rawValue) layer is required but unavailable (\(reason)); remove it from pipeline.child.requiredSandboxLayers or enable it on this machine"
        case .mediaStoreUnavailable(let reason): return "the media store could not keep the clip: \(reason)"
        case .childAnswerTooLarge(let limit):
            return "the analysis process wrote more than \(limit) bytes and was stopped; the clip is treated as hostile (raise pipeline.child.maxAnswerBytes if it is genuine)"
        }
    }
}
