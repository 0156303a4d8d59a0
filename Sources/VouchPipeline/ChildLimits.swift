import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The resources an analysis child may use, and how strict its sandbox must be.
/// The child applies the limits to itself (`setrlimit`, as the first layer of its
/// ``Sandbox``) before it touches the clip; the parent enforces the wall-clock limit
/// and the size of the answer by killing it.
///
/// Memory is capped with `RLIMIT_DATA`, which Linux (since 4.7) applies to every
/// private writable mapping, heap and anonymous `mmap` alike. `RLIMIT_AS` is no cap
/// in practice: glibc reserves its malloc arenas up front, so growth inside them
/// never counts against it. `RLIMIT_NPROC` is not used: it counts every task of the
/// user, the worker's own threads included, and root ignores it; the seccomp layer
/// refuses new processes instead.
public struct ChildLimits: Sendable, Codable, Equatable {
    public var cpuSeconds: Int = 120
    public var memoryBytes: Int64 = 2 << 30
    public var wallSeconds: Double = 180
    /// The most the child may write on its standard output (its answer); past it the
    /// parent kills the child, so a hijacked decoder cannot flood the worker's memory.
    public var maxAnswerBytes: Int = 16 << 20
    /// Sandbox layers that must be in force: a child that cannot enter one of these
    /// refuses the clip instead of analysing it less isolated. Empty (the default)
    /// means best effort: every layer the machine allows, the rest reported.
    public var requiredSandboxLayers: [SandboxLayer] = []

    /// Standard input, output and error, the clip, and FFmpeg's few internal descriptors.
    static let openFiles: UInt64 = 32

    public init() {}

    /// Applies the CPU, memory, file-size and open-file limits to the calling process,
    /// and turns off core dumps.
    public func applyToCurrentProcess() throws {
        try setLimit(RLIMIT_CPU.rawValue, "CPU", UInt64(cpuSeconds), hard: UInt64(cpuSeconds) + 5)
        try setLimit(RLIMIT_DATA.rawValue, "memory", UInt64(memoryBytes), hard: UInt64(memoryBytes))
        try setLimit(RLIMIT_CORE.rawValue, "core dump", 0, hard: 0)
        try setLimit(RLIMIT_FSIZE.rawValue, "file size", 0, hard: 0)
        try setLimit(RLIMIT_NOFILE.rawValue, "open files", Self.openFiles, hard: Self.openFiles)
    }

    private func setLimit(_ resource: UInt32, _ name: String, _ soft: UInt64, hard: UInt64) throws {
        var limit = rlimit(rlim_cur: rlim_t(soft), rlim_max: rlim_t(hard))
        guard setrlimit(__rlimit_resource_t(resource), &limit) == 0 else {
            throw PipelineError.limitsRefused(resource: name, errno: errno)
        }
    }
}
