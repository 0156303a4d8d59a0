import Logging

/// Logs an error once, then counts its repeats instead of logging each, saying how many
/// there were when the window ends: during a database outage, every request fails the
/// same way, and hundreds of identical lines a minute would bury the one that matters.
public actor RepeatedErrorLog {
    private let logger: Logger
    private let window: Duration
    private var seen: [String: (since: ContinuousClock.Instant, repeats: Int)] = [:]

    public init(logger: Logger, window: Duration = .seconds(60)) {
        self.logger = logger
        self.window = window
    }

    /// Logs `message` at `level` unless the same message was logged within the window.
    public func log(_ level: Logger.Level, _ message: String, metadata: Logger.Metadata = [:], now: ContinuousClock.Instant = .now) {
        if let last = seen[message], now - last.since < window {
            seen[message] = (last.since, last.repeats + 1)
            return
        }
        var metadata = metadata
        if let last = seen[message], last.repeats > 0 { metadata["repeated"] = "\(last.repeats) more times in the previous \(window)" }
        seen[message] = (now, 0)
        if seen.count > 1000 { seen = seen.filter { now - $0.value.since < window } }
        logger.log(level: level, "\(message)", metadata: metadata)
    }
}
