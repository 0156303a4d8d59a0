import Foundation

/// The last checkpoint `vouch verify` accepted, kept in a file, so that the next run can
/// prove that the log only grew since: a client's memory of the log is its defence
/// against a server that rewrites history between two visits.
public struct CheckpointState: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The saved checkpoint note; nil on a first run.
    public func read() throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw VerifyError.state("\(path) cannot be read: \(error.localizedDescription)")
        }
    }

    /// Keeps the checkpoint of a run whose checks all passed, replacing the last one.
    public func save(_ report: ReviewLogVerifier.Report) throws {
        guard report.failures.isEmpty, let note = report.note else { return }
        try note.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
