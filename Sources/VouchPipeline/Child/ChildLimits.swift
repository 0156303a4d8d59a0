/// The resources an analysis child may use, and how strict its sandbox must be.
/// The child applies the limits to itself (`setrlimit`, as the first layer of its
/// sandbox, in `VouchAnalysis`) before it touches the clip; the parent enforces the
/// wall-clock limit and the size of the answer by stopping it.
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

    public init() {}
}
