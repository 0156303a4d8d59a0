import Foundation

/// Slows password guessing: a moderator name with too many refused logins in a window
/// is locked until the window passes, and at most a few scrypt derivations run at
/// once, so a burst of logins cannot exhaust memory (each takes 128 MiB at the defaults).
///
/// Only configured names are counted, so guesses at unknown names cannot grow its state.
actor LoginThrottle {
    private let maximumFailures: Int
    private let window: TimeInterval
    private let maximumConcurrentChecks: Int
    private var failures: [String: [Date]] = [:]
    private var checksRunning = 0

    init(maximumFailures: Int, window: TimeInterval, maximumConcurrentChecks: Int = 2) {
        self.maximumFailures = max(1, maximumFailures)
        self.window = window
        self.maximumConcurrentChecks = maximumConcurrentChecks
    }

    /// Whether `name` may try to log in now.
    func isLocked(_ name: String, now: Date) -> Bool {
        recentFailures(of: name, now: now).count >= maximumFailures
    }

    func recordFailure(of name: String, now: Date) {
        failures[name] = recentFailures(of: name, now: now) + [now]
    }

    func recordSuccess(of name: String) {
        failures[name] = nil
    }

    /// Takes a slot for one password check; false when all are busy.
    func beginCheck() -> Bool {
        guard checksRunning < maximumConcurrentChecks else { return false }
        checksRunning += 1
        return true
    }

    func endCheck() {
        checksRunning -= 1
    }

    private func recentFailures(of name: String, now: Date) -> [Date] {
        (failures[name] ?? []).filter { now.timeIntervalSince($0) < window }
    }
}
