/// One wall of the analysis child's sandbox. The child runs FFmpeg's demuxers and
/// decoders on hostile uploads, so it is treated as compromised: each layer limits
/// what code running in it could do, and each says here what it stops and what not.
///
/// The child's own configuration, not its environment, says what it may do: it is
/// started with an empty environment and reads everything it needs on its input.
public enum SandboxLayer: String, Sendable, Codable, CaseIterable {
    /// `setrlimit`: CPU seconds, memory (`RLIMIT_DATA`), no core dumps, no file
    /// growth (`RLIMIT_FSIZE` 0: a write that would grow a file raises SIGXFSZ), and
    /// few open files (`RLIMIT_NOFILE`). Stops runaway loops, memory blow-ups and disk
    /// filling. Does not stop reading files, creating or truncating them (empty), or
    /// using the network. Always applied.
    case resourceLimits = "resource-limits"
    /// `PR_SET_NO_NEW_PRIVS`: no program the child could run gains privileges from
    /// set-uid bits or file capabilities. Needed by Landlock and seccomp for a
    /// process without `CAP_SYS_ADMIN`. Stops nothing else on its own.
    case noNewPrivileges = "no-new-privileges"
    /// A new, empty network namespace (with a user namespace when the child is not
    /// root): no interface but a loopback that is down, so no address, the host's
    /// 127.0.0.1 included, can be reached. Does not close sockets already open
    /// (the child inherits none) and does not hide the file system.
    case networkNamespace = "network-namespace"
    /// Landlock: every file-system access is refused except reading the one clip,
    /// so the database, the log's signing key, the settings and `/proc` (the worker's
    /// `environ` included) are out of reach, and nothing can be created, written,
    /// renamed or executed; processes outside the sandbox cannot be traced. On ABI 4
    /// and later TCP bind and connect are refused too; on ABI 6 and later it cannot
    /// signal processes outside itself or reach abstract Unix sockets. Does not
    /// restrict `stat` (file names and sizes stay visible), descriptors already open
    /// (standard input, output and error), or memory; needs Linux 5.13 with Landlock.
    case landlock
    /// seccomp: refuses new processes (fork, vfork, clone without `CLONE_THREAD`),
    /// `execve`, every socket, io_uring, new namespaces, and reaching into another
    /// process's memory or descriptors (ptrace, `process_vm_readv`, `pidfd_getfd`).
    /// Threads stay allowed. Does not restrict files or memory; other system calls
    /// (the kernel's attack surface) stay reachable.
    case seccomp
}
