#if canImport(Glibc)
import Glibc
#endif
import VouchPipeline

extension ChildLimits {
    /// Standard input, output and error, the clip, and FFmpeg's few internal descriptors.
    private static let openFiles: UInt64 = 32

    /// Applies the CPU, memory, file-size and open-file limits to the calling process,
    /// and turns off core dumps. `fileBytes` is how large a file may grow: 0 for
    /// analysis, the rendition's limit for a child that writes one.
    func applyToCurrentProcess(fileBytes: Int64 = 0) throws {
        try setLimit(RLIMIT_CPU.rawValue, "CPU", UInt64(cpuSeconds), hard: UInt64(cpuSeconds) + 5)
        try setLimit(RLIMIT_DATA.rawValue, "memory", UInt64(memoryBytes), hard: UInt64(memoryBytes))
        try setLimit(RLIMIT_CORE.rawValue, "core dump", 0, hard: 0)
        try setLimit(RLIMIT_FSIZE.rawValue, "file size", UInt64(max(0, fileBytes)), hard: UInt64(max(0, fileBytes)))
        try setLimit(RLIMIT_NOFILE.rawValue, "open files", Self.openFiles, hard: Self.openFiles)
    }

    private func setLimit(_ resource: UInt32, _ name: String, _ soft: UInt64, hard: UInt64) throws {
        var limit = rlimit(rlim_cur: rlim_t(soft), rlim_max: rlim_t(hard))
        guard setrlimit(__rlimit_resource_t(resource), &limit) == 0 else {
            throw PipelineError.limitsRefused(resource: name, errno: errno)
        }
    }
}
