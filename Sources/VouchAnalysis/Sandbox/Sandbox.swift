import CSandbox
#if canImport(Glibc)
import Glibc
#endif
import VouchPipeline

/// The walls the analysis child puts up around itself before FFmpeg reads a byte of
/// the clip, so that a decoder exploit gains a process that can read one file, write
/// to its own output, and little else. ``SandboxLayer`` says what each wall stops.
///
/// ``isolate(readingOnly:limits:_:)`` enters it in a single-threaded copy of the
/// process: a user namespace requires that, and Landlock binds only the calling
/// thread and the threads it starts later.
public enum Sandbox {
    /// Enters every layer the machine allows, leaving `clip` as the only file the
    /// process can open for reading, and `outputs` (which must exist: nothing can be
    /// created inside) the only ones it can write, up to `maxFileBytes` each. Call it
    /// only with no other thread running.
    ///
    /// - Returns: which layers are in force, and why any others are not.
    /// - Throws: ``PipelineError/limitsRefused(resource:errno:)`` when a resource limit
    ///   is refused, and ``PipelineError/sandboxIncomplete(layer:reason:)`` when a layer
    ///   listed in ``ChildLimits/requiredSandboxLayers`` cannot be entered.
    static func enter(readingOnly clip: String, writing outputs: [String] = [], maxFileBytes: Int64 = 0,
                      limits: ChildLimits) throws -> SandboxReport {
        try limits.applyToCurrentProcess(fileBytes: outputs.isEmpty ? 0 : maxFileBytes)
        var report = SandboxReport(active: [.resourceLimits])
        for layer in SandboxLayer.allCases where layer != .resourceLimits {
            do {
                try enter(layer, clip: clip, outputs: outputs, report: &report)
                report.active.append(layer)
            } catch {
                if limits.requiredSandboxLayers.contains(layer) {
                    throw PipelineError.sandboxIncomplete(layer: layer, reason: error.reason)
                }
                report.missing.append(SandboxReport.Missing(layer: layer, reason: error.reason))
            }
        }
        return report
    }

    /// The order of ``SandboxLayer/allCases`` matters: the network namespace comes
    /// before seccomp refuses `unshare`, and no-new-privileges before Landlock needs it.
    private static func enter(_ layer: SandboxLayer, clip: String, outputs: [String], report: inout SandboxReport) throws(Unavailable) {
        switch layer {
        case .resourceLimits:
            break
        case .noNewPrivileges:
            try Unavailable.check(vouch_set_no_new_privs(), "prctl(PR_SET_NO_NEW_PRIVS)")
        case .networkNamespace:
            try enterEmptyNetworkNamespace()
        case .landlock:
            report.landlockABI = try Landlock.restrict(toReading: clip, writing: outputs)
        case .seccomp:
            try Unavailable.check(vouch_seccomp_deny_spawning_and_sockets(), "seccomp(SECCOMP_SET_MODE_FILTER)")
        }
    }

    /// Root may leave the network namespace directly; anyone else needs a user namespace first.
    private static func enterEmptyNetworkNamespace() throws(Unavailable) {
        if vouch_unshare_network(0) == 0 { return }
        guard errno == EPERM else { throw Unavailable("unshare(CLONE_NEWNET)", errno: errno) }
        try Unavailable.check(vouch_unshare_network(1), "unshare(CLONE_NEWUSER | CLONE_NEWNET)")
    }

    /// Why the machine refused a layer: the call and the system's message.
    struct Unavailable: Error {
        var reason: String

        init(_ call: String, errno code: Int32) {
            reason = "\(call): \(String(cString: strerror(code)))"
        }

        static func check(_ result: Int32, _ call: String) throws(Unavailable) {
            guard result >= 0 else { throw Unavailable(call, errno: errno) }
        }
    }
}
