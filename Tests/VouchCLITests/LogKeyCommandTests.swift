import Foundation
import Testing
import VouchTestSupport

/// `vouch log key` never makes a key by accident, and a key made for another origin than
/// the settings' `log.origin` stops a process at start instead of being silently used.
@Suite struct LogKeyCommandTests {
    /// A settings file naming `origin` (or none), and an empty data directory.
    private func directory(origin: String?) throws -> (settings: String, data: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-log-key-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let settings = directory.appendingPathComponent("vouch.json")
        let log: [String: Any] = origin.map { ["origin": $0] } ?? [:]
        try JSONSerialization.data(withJSONObject: ["log": log]).write(to: settings)
        return (settings.path, directory.appendingPathComponent("data").path)
    }

    @Test func withoutAKeyItRefusesInsteadOfMakingOne() throws {
        let (settings, data) = try directory(origin: "reviews.shop.example/vouch")
        let run = try VouchRun(["log", "key", "--config", settings, "--data", data])
        #expect(run.status != 0)
        #expect(run.errors.contains("there is no review log key at \(data)/log.key"))
        #expect(!FileManager.default.fileExists(atPath: "\(data)/log.key"))
    }

    @Test func itWillNotMakeAKeyForTheExampleOrigin() throws {
        let (settings, data) = try directory(origin: nil)
        let run = try VouchRun(["log", "key", "--create", "--config", settings, "--data", data])
        #expect(run.status != 0)
        #expect(run.errors.contains("log.origin is still the example"))
        #expect(!FileManager.default.fileExists(atPath: "\(data)/log.key"))
    }

    @Test func aKeyIsMadeForTheOriginAndAChangedOriginIsRefusedAtStart() throws {
        let (settings, data) = try directory(origin: "reviews.shop.example/vouch")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let made = try VouchRun(["log", "key", "--create", "--config", settings, "--data", data])
        #expect(made.status == 0, "\(made.errors)")
        #expect(made.output.hasPrefix("reviews.shop.example/vouch+"))
        let again = try VouchRun(["log", "key", "--config", settings, "--data", data])
        #expect(again.output == made.output, "the same key, printed again")
        let mode = try FileManager.default.attributesOfItem(atPath: "\(data)/log.key")[.posixPermissions] as? Int
        #expect(mode == 0o600)

        try JSONSerialization.data(withJSONObject: ["log": ["origin": "reviews.other.example/vouch"]]).write(to: URL(fileURLWithPath: settings))
        let changed = try VouchRun(["log", "key", "--config", settings, "--data", data])
        #expect(changed.status != 0)
        #expect(changed.errors.contains("was made for origin 'reviews.shop.example/vouch', but log.origin is 'reviews.other.example/vouch'"))
        // A worker would sign under the old name: it refuses to start instead.
        let worker = try VouchRun(["worker", "--config", settings, "--data", data, "--database", "\(data)/vouch.sqlite"])
        #expect(worker.status != 0)
        #expect(worker.errors.contains("was made for origin 'reviews.shop.example/vouch'"), "\(worker.errors)")
    }
}
