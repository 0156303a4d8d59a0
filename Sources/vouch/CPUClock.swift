import Foundation

/// CPU seconds used by this process or by its finished children, from getrusage(2).
///
/// Benchmarks compare CPU time, not wall time: the machine is shared, and
/// threaded decoding would otherwise look faster than it is per core.
enum CPUClock {
    static func ownSeconds() -> Double { seconds(RUSAGE_SELF) }
    static func childrenSeconds() -> Double { seconds(RUSAGE_CHILDREN) }

    /// Runs a reference tool to completion: the CPU seconds it used and its exit status.
    static func childSeconds(running tool: String, _ arguments: [String]) throws -> (seconds: Double, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let start = childrenSeconds()
        try process.run()
        process.waitUntilExit()
        return (childrenSeconds() - start, process.terminationStatus)
    }

    /// The most memory this process has held at once, in MiB.
    static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    private static func seconds(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(who.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
