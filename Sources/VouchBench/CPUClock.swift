import Foundation

/// CPU seconds used by this process or by its finished children, from getrusage(2).
///
/// Benchmarks compare CPU time, not wall time: the machine is shared, and
/// threaded decoding would otherwise look faster than it is per core.
enum CPUClock {
    static func ownSeconds() -> Double { seconds(RUSAGE_SELF) }

    /// CPU seconds of the calling thread alone, for timing one single-threaded call.
    static func threadSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
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

    /// The memory this process holds now, in MiB, from /proc/self/statm; 0 where there is none.
    static func residentMegabytes() -> Double {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    private static func seconds(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(who.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
