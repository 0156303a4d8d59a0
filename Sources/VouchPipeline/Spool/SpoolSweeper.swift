import Foundation
import Logging
import VouchStore

/// Removes what interrupted uploads leave in the spool: files still arriving that nobody
/// has written to for `age`, and finished files that no clip claimed within `age` (the
/// process stopped between spooling an upload and recording it). Any number of processes
/// may sweep the same spool; a file is only removed once it is both old and unclaimed.
public struct SpoolSweeper: Sendable {
    let spool: Spool
    let store: Store
    let age: TimeInterval
    let logger: Logger

    public init(spool: Spool, store: Store, age: TimeInterval = 600, logger: Logger) {
        self.spool = spool
        self.store = store
        self.age = age
        self.logger = logger
    }

    /// Sweeps once; returns how many files were removed.
    @discardableResult
    public func sweep(now: Date = Date()) async throws -> Int {
        let cutoff = now.addingTimeInterval(-age)
        var removed = 0
        for file in files(in: spool.incoming) where modified(file) < cutoff {
            spool.remove(file.path)
            removed += 1
        }
        let stale = spooledFiles().filter { modified($0) < cutoff }
        guard !stale.isEmpty else { return removed }
        let inUse = try await store.spoolPathsInUse()
        for file in stale where !inUse.contains(file.path) {
            spool.remove(file.path)
            removed += 1
        }
        return removed
    }

    /// Sweeping every `seconds`, as a service.
    func service(every seconds: Double) -> PeriodicService {
        PeriodicService(seconds: seconds, logger: logger, failure: { (.warning, "sweeping the spool failed; will retry: \($0)") }) {
            let removed = try await sweep()
            if removed > 0 { logger.notice("removed abandoned uploads from the spool", metadata: ["files": "\(removed)"]) }
        }
    }

    /// Finished uploads: the files in the spool's two-hex-digit folders.
    private func spooledFiles() -> [URL] {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: spool.directory.path)) ?? []
        return folders.filter { $0.count == 2 && $0.allSatisfy(\.isHexDigit) }
            .flatMap { files(in: spool.directory.appendingPathComponent($0, isDirectory: true)) }
    }

    private func files(in folder: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).map { folder.appendingPathComponent($0) }
    }

    private func modified(_ file: URL) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.modificationDate] as? Date) ?? .distantFuture
    }
}
