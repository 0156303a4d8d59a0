/// The review log: `log` in `Config/vouch.json`. Its name in checkpoints, where its
/// signing key lives, and how often processes sign a checkpoint and check the log.
public struct LogSettings: Sendable, Codable, Equatable {
    /// The checkpoint origin: this log's name, by convention its host and path without a scheme.
    public var origin = "vouch.example/reviews"
    /// The signing key (signed-note format), relative to the data directory unless absolute.
    public var keyFile = "log.key"
    /// How often a process with the key signs a checkpoint when the log has grown.
    public var checkpointSeconds = 1.0
    /// How often a process rebuilds the log and compares it with the store; 0 never.
    public var selfCheckSeconds = 3600.0

    public init() {}
}
