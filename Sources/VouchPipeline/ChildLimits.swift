import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The resources an analysis child may use. The child applies the CPU and memory
/// limits to itself (`setrlimit`) before it touches the clip; the parent enforces
/// the wall-clock limit by killing it.
///
/// Memory is capped with `RLIMIT_DATA`, which Linux (since 4.7) applies to every
/// private writable mapping, heap and anonymous `mmap` alike. `RLIMIT_AS` is no cap
/// in practice: glibc reserves its malloc arenas up front, so growth inside them
/// never counts against it.
public struct ChildLimits: Sendable, Codable, Equatable {
    public var cpuSeconds: Int = 120
    public var memoryBytes: Int64 = 2 << 30
    public var wallSeconds: Double = 180

    public init() {}

    /// Applies the CPU and address-space limits to the calling process, and turns off core dumps.
    public func applyToCurrentProcess() throws {
        try setLimit(RLIMIT_CPU.rawValue, "CPU", UInt64(cpuSeconds), hard: UInt64(cpuSeconds) + 5)
        try setLimit(RLIMIT_DATA.rawValue, "memory", UInt64(memoryBytes), hard: UInt64(memoryBytes))
        try setLimit(RLIMIT_CORE.rawValue, "core dump", 0, hard: 0)
    }

    private func setLimit(_ resource: UInt32, _ name: String, _ soft: UInt64, hard: UInt64) throws {
        var limit = rlimit(rlim_cur: rlim_t(soft), rlim_max: rlim_t(hard))
        guard setrlimit(__rlimit_resource_t(resource), &limit) == 0 else {
            throw PipelineError.limitsRefused(resource: name, errno: errno)
        }
    }
}
