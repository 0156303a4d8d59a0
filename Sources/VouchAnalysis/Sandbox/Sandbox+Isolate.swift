import CSandbox
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import VouchPipeline

extension Sandbox {
    /// Runs `body` inside every sandbox layer the machine allows, in a copy of this
    /// process that holds only the calling thread, then ends this process as the copy
    /// ended: with its exit status, or killed by the same signal.
    ///
    /// The copy is what makes the layers bind everything. Swift's asynchronous `main`
    /// has started dispatch threads before any command runs, and Landlock and
    /// namespaces bind only the threads that enter them: code that took over the
    /// decoder could hand its work to one of those threads and read any file. The copy
    /// has no other thread, and no descriptor but standard input, output and error.
    ///
    /// - Parameters:
    ///   - outputs: files the work writes (a rendition's video and poster); they must
    ///     exist already, and may grow to `maxFileBytes` each.
    ///   - body: the work, given the layers in force; returns the exit status.
    ///     An error it throws is written to standard error and ends the copy with status 1.
    public static func isolate(readingOnly clip: String, writing outputs: [String] = [], maxFileBytes: Int64 = 0,
                               limits: ChildLimits, _ body: (SandboxReport) throws -> Int32) -> Never {
        let copy = vouch_fork_alone()
        if copy == 0 {
            do {
                _exit(try body(try enter(readingOnly: clip, writing: outputs, maxFileBytes: maxFileBytes, limits: limits)))
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                _exit(1)
            }
        }
        guard copy > 0 else {
            FileHandle.standardError.write(Data("cannot start the sandboxed copy: fork: \(String(cString: strerror(errno)))\n".utf8))
            exit(1)
        }
        endAs(copy)
    }

    /// Waits for `copy` and ends the same way, so the worker sees the copy's crash
    /// (SIGSEGV, or SIGKILL and SIGXCPU from its limits) as this process's own.
    private static func endAs(_ copy: pid_t) -> Never {
        var status: Int32 = 0
        var waited: pid_t
        repeat { waited = waitpid(copy, &status, 0) } while waited < 0 && errno == EINTR
        guard waited == copy else { exit(1) }
        let killer = status & 0x7F
        guard killer != 0 else { exit((status >> 8) & 0xFF) }
        var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
        setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &noCore)
        signal(killer, SIG_DFL)
        var mask = sigset_t()
        sigemptyset(&mask)
        sigaddset(&mask, killer)
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        raise(killer)
        exit(128 + killer)
    }
}
