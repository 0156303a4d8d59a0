import Foundation
import Logging

extension SandboxReport {
    /// The report last logged by this process, so that a worker says which layers its
    /// children run in once at start, and again only if that changes.
    private final class LastLogged: @unchecked Sendable {
        let lock = NSLock()
        var report: SandboxReport?
    }

    private static let lastLogged = LastLogged()

    /// Logs the report unless it is the one this process logged last: a warning when
    /// a layer is missing, so an operator learns what the machine does not allow.
    func logIfChanged(to logger: Logger) {
        let changed = Self.lastLogged.lock.withLock {
            defer { Self.lastLogged.report = self }
            return Self.lastLogged.report != self
        }
        guard changed else { return }
        if missing.isEmpty {
            logger.info("analysis sandbox", metadata: ["layers": "\(self)"])
        } else {
            logger.warning("analysis sandbox is missing layers", metadata: ["layers": "\(self)"])
        }
    }
}
