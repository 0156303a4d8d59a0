import Dispatch
import Foundation
import Logging

/// The last word of a graceful shutdown: once SIGTERM or SIGINT arrives, the process exits
/// after `grace` however its tasks are doing. Draining is bounded by
/// `pipeline.drainSeconds`; a task stuck where cancellation cannot reach it (a database
/// call that never returns after the database restarted under it) must not keep a stopped
/// process alive for ever. Exiting then loses nothing: a job the process still held goes
/// back to the queue when its lease ends, as after `kill -9`.
///
/// It listens with its own dispatch sources, beside the service group's, so it fires even
/// when every cooperative thread is blocked.
public struct ShutdownWatchdog {
    private let sources: [any DispatchSourceSignal]

    public init(grace: Double, logger: Logger) {
        let queue = DispatchQueue(label: "vouch.shutdown-watchdog")
        let armed = OnceFlag()
        sources = [SIGTERM, SIGINT].map { signal in
            let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
            source.setEventHandler {
                guard armed.setOnce() else { return }
                queue.asyncAfter(deadline: .now() + grace) {
                    logger.error("the process did not stop within \(Int(grace)) s of the signal; exiting now: a clip it held returns to the queue when its lease ends")
                    exit(EXIT_FAILURE)
                }
            }
            source.resume()
            return source
        }
    }

    /// Stops listening, once the process stopped in time.
    public func disarm() {
        for source in sources { source.cancel() }
    }
}

/// A flag set once, read and written only on the watchdog's serial queue.
private final class OnceFlag: @unchecked Sendable {
    private var set = false

    func setOnce() -> Bool {
        guard !set else { return false }
        set = true
        return true
    }
}
