import Foundation
import VouchIdentity
import VouchStore
import VouchTestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `vouch serve` or `vouch worker` process started by a test, with its own settings
/// file and data directory, that the test can kill as an operator's bad day would.
final class VouchService: @unchecked Sendable {
    let process = Process()
    let log: URL

    init(_ arguments: [String], environment: [String: String] = [:], log: URL) throws {
        self.log = log
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.executableURL = VouchExecutable.url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// `kill -9`: no chance to release leases or finish anything.
    func killHard() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// `kill -TERM`, as systemd, Kubernetes or an operator's rolling restart sends it.
    func terminate() {
        kill(process.processIdentifier, SIGTERM)
    }

    /// Waits (without blocking a thread) until the process exits; answers its status.
    func exitStatus(within seconds: Double) async throws -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            guard Date() < deadline else { throw DeploymentError.timedOut("still running \(seconds) s after SIGTERM:\n\(output)") }
            try await Task.sleep(for: .milliseconds(100))
        }
        return process.terminationStatus
    }

    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
}

/// A deployment for a test: settings, data directory, store location, and a platform.
struct TestDeployment {
    let directory: URL
    let settingsFile: URL
    let location: StoreLocation
    let platform: TestPlatform
    let port: Int

    static func make(location: StoreLocation, leaseSeconds: Double = 2, analyzerDelay: Double = 0,
                     sections: [String: Any] = [:]) async throws -> TestDeployment {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-deployment-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let platform = try await TestPlatform(id: "shop")
        let port = try freePort()
        var analyzer: [String] = []
        if analyzerDelay > 0 {
            analyzer = ["/bin/sh", "-c", "sleep \(analyzerDelay); exec '\(VouchExecutable.url.path)' analyze"]
        }
        let settings: [String: Any] = [
            "identity": ["audience": "vouch", "platforms": [try JSONSerialization.jsonObject(with: JSONEncoder().encode(platform.registration))]],
            "pipeline": ["pollSeconds": 0.2, "indexPollSeconds": 0.2, "keyframes": 1, "analyzerCommand": analyzer,
                         "queue": ["leaseSeconds": leaseSeconds, "maxAttempts": 5, "backoffSeconds": 0.5, "maxBackoffSeconds": 2]],
            "server": ["host": "127.0.0.1", "port": port],
        ].merging(sections) { base, given in
            guard let base = base as? [String: Any], let given = given as? [String: Any] else { return given }
            return base.merging(given) { $1 }
        }
        let settingsFile = directory.appendingPathComponent("vouch.json")
        try JSONSerialization.data(withJSONObject: settings, options: [.prettyPrinted]).write(to: settingsFile)
        // The key that seals webhook secrets, made once as an operator would (Docs/operations.md):
        // on PostgreSQL no process makes its own.
        let key = SecretSeal.newKey().base64EncodedString()
        FileManager.default.createFile(atPath: directory.appendingPathComponent("webhook-secrets.key").path, contents: Data(key.utf8),
                                       attributes: [.posixPermissions: 0o600])
        return TestDeployment(directory: directory, settingsFile: settingsFile, location: location, platform: platform, port: port)
    }

    var databaseArgument: String {
        switch location {
        case .sqlite(let path): return path
        case .postgres(let url): return url
        }
    }

    func start(_ command: String, _ extra: [String] = [], name: String) throws -> VouchService {
        try VouchService([command, "--config", settingsFile.path, "--data", directory.path, "--database", databaseArgument] + extra,
                         log: directory.appendingPathComponent("\(name).log"))
    }

    /// Uploads `clip` as `reviewer`'s review; returns the clip id the API answered with.
    func upload(_ clip: Data, reviewer: String, product: String = "sku-1", idempotencyKey: String? = nil) async throws -> (status: Int, body: [String: Any]) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/clips?product=\(product)")!)
        request.httpMethod = "POST"
        request.setValue("Bearer \(platform.apiKey)", forHTTPHeaderField: "Authorization")
        request.setValue(try await platform.attestation(clipSHA256: ClipDigest.sha256Hex(of: clip), reviewer: reviewer), forHTTPHeaderField: "Vouch-Attestation")
        if let idempotencyKey { request.setValue(idempotencyKey, forHTTPHeaderField: "Idempotency-Key") }
        request.setValue("video/mp4", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.upload(for: request, from: clip)
        let body = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, body)
    }

    /// Starts an API process with `workers` workers, waits until it answers, and uploads one
    /// small clip to it; answers the process and the clip's id.
    func serveOneClip(workers: Int = 0, name: String = "api") async throws -> (VouchService, Int64) {
        let server = try start("serve", ["--workers", "\(workers)"], name: name)
        try await waitUntilServing(server)
        let clip = try Data(contentsOf: URL(fileURLWithPath: try MediaFixture.tiny.path))
        guard let id = try await upload(clip, reviewer: "alice").body["id"] as? Int else { throw DeploymentError.exited(server.output) }
        return (server, Int64(id))
    }

    /// Waits until the API answers, or fails after `seconds`.
    func waitUntilServing(_ service: VouchService, seconds: Double = 120) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            guard service.process.isRunning else { throw DeploymentError.exited(service.output) }
            // Our process's own word that it holds the port: a free port picked beforehand can
            // be taken by another test's server, which would answer /healthz in its place.
            guard service.output.contains("listening on 127.0.0.1:\(port)") else {
                try await Task.sleep(for: .milliseconds(200))
                continue
            }
            var probe = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/healthz")!)
            probe.timeoutInterval = 2
            if let (_, response) = try? await URLSession.shared.data(for: probe), (response as? HTTPURLResponse)?.statusCode == 200 { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw DeploymentError.timedOut("the server did not answer within \(seconds) s:\n\(service.output)")
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Lays `sections` over the settings file, one level deep, as an operator edits it.
    func mergeSettings(_ sections: [String: [String: Any]]) throws {
        var settings = try JSONSerialization.jsonObject(with: Data(contentsOf: settingsFile)) as? [String: Any] ?? [:]
        for (name, values) in sections {
            settings[name] = (settings[name] as? [String: Any] ?? [:]).merging(values) { $1 }
        }
        try JSONSerialization.data(withJSONObject: settings, options: [.prettyPrinted]).write(to: settingsFile)
    }

    static func freePort() throws -> Int {
        let output = try ExternalTool.run("python3", ["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        guard let port = Int(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw DeploymentError.timedOut("no free port")
        }
        return port
    }
}

enum DeploymentError: Error, CustomStringConvertible {
    case exited(String)
    case timedOut(String)

    var description: String {
        switch self {
        case .exited(let log): return "the process exited early:\n\(log)"
        case .timedOut(let what): return what
        }
    }
}

extension Store {
    /// Waits until every clip in `ids` is final, or fails after `seconds`.
    func waitUntilFinal(_ ids: [Int64], seconds: Double) async throws -> [ClipRecord] {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            var clips: [ClipRecord] = []
            for id in ids {
                if let clip = try await clip(id: id) { clips.append(clip) }
            }
            if clips.count == ids.count && clips.allSatisfy(\.status.isFinal) { return clips }
            guard Date() < deadline else {
                let pending = clips.filter { !$0.status.isFinal }.map(\.id)
                throw DeploymentError.timedOut("clips still pending after \(seconds) s: \(pending)")
            }
            try await Task.sleep(for: .milliseconds(250))
        }
    }

    /// How many times each clip reached a final state, from the audit log.
    func finalisations(of ids: [Int64]) async throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for id in ids {
            let entries = try await auditLog(subject: "clip:\(id)", limit: 1000)
            counts[id] = entries.filter { ["clip.published", "clip.flagged", "clip.failed", "clip.rejected"].contains($0.action) }.count
        }
        return counts
    }
}

extension Store {
    /// Opens the store at `location` for `body`, and closes it however `body` ends:
    /// a store dropped open (a wait that timed out under load, say) brings the whole
    /// test process down instead of failing one test.
    static func using<R>(_ location: StoreLocation, _ body: (Store) async throws -> R) async throws -> R {
        let store = try await Store.open(location)
        do {
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }
}
