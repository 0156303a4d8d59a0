import Foundation
import Testing
import VouchFingerprint
import VouchMedia
import VouchPipeline
import VouchTestSupport

/// The analysis child's sandbox: a stand-in for a hijacked decoder (`Tests/SandboxProbe`)
/// run through the worker's launcher, whose every attack must fail; and the real child,
/// inside every layer, or on a machine that refuses one.
@Suite struct SandboxTests {
    @Test func aHijackedChildHasNoEnvironmentSecretsNetworkFilesProcessesOrEarlierThreads() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-sandbox-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = folder.appendingPathComponent("log-signing.key")
        try Data("stand-in for the log's signing key".utf8).write(to: secret)
        let listener = try LoopbackListener()
        #expect(LoopbackListener.connectionFailure(port: listener.port) == nil, "outside the sandbox the listener is reachable")
        #expect(!ProcessInfo.processInfo.environment.isEmpty, "the worker has an environment to leak")

        let probe = IsolatedAnalyzer(command: [VouchExecutable.sandboxProbe.path, secret.path, "\(listener.port)", folder.path, "\(getpid())"])
        let error = try await #require(throws: PipelineError.self) { try await probe.analyze(try Self.request(ChildLimits())) }
        guard case .rejectedMedia(let answer) = error else { Issue.record("the probe did not answer: \(error)"); return }
        let attempts = try JSONDecoder().decode([String: String].self, from: Data(answer.utf8))
        let layers = attempts["sandbox"] ?? "no report"

        #expect(attempts["environment"] == "", "no VOUCH_DATABASE or any other variable reaches the child")
        #expect(attempts["read-clip"] == "allowed", "the clip stays readable (\(layers))")
        #expect(attempts["read-secret"] != "allowed", "\(layers)")
        #expect(attempts["read-secret-through-an-earlier-thread"] != "allowed", "\(layers)")
        #expect(attempts["read-worker-environment"] != "allowed", "/proc/<worker>/environ is out of reach (\(layers))")
        #expect(attempts["connect-loopback"] != "allowed", "\(layers)")
        #expect(attempts["write-file"] != "allowed", "\(layers)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("planted").path))
        #expect(attempts["spawn-process"] != "allowed", "\(layers)")
    }

    @Test func theRealChildAnalysesAClipInsideEveryLayer() async throws {
        var limits = ChildLimits()
        limits.requiredSandboxLayers = SandboxLayer.allCases
        let analysis = try await IsolatedAnalyzer(command: Self.realChild).analyze(try Self.request(limits))
        #expect(!analysis.fingerprint.frames.isEmpty && analysis.keyframes.count == 1)
        #expect(analysis.sandbox?.active == SandboxLayer.allCases, "\(analysis.sandbox.map(String.init(describing:)) ?? "no report")")
    }

    @Test func aLayerTheMachineRefusesIsReportedAndTheClipStillAnalysed() async throws {
        let analysis = try await IsolatedAnalyzer(command: Self.childWithoutNamespaces).analyze(try Self.request(ChildLimits()))
        #expect(analysis.sandbox?.missing.map(\.layer) == [.networkNamespace])
        #expect(analysis.sandbox?.active == [.resourceLimits, .noNewPrivileges, .landlock, .seccomp])
    }

    @Test func aRequiredLayerTheMachineRefusesFailsTheClip() async throws {
        var limits = ChildLimits()
        limits.requiredSandboxLayers = [.networkNamespace]
        let error = try await #require(throws: PipelineError.self) {
            try await IsolatedAnalyzer(command: Self.childWithoutNamespaces).analyze(try Self.request(limits))
        }
        guard case .childFailed(1, let detail) = error else { Issue.record("got \(error)"); return }
        #expect(detail.contains("network-namespace layer is required but unavailable"))
    }

    static let realChild = [VouchExecutable.url.path, "analyze"]
    /// The real child in a user namespace that maps no user: it may not make namespaces
    /// of its own, like a child in a container that forbids them.
    static let childWithoutNamespaces = ["/usr/bin/unshare", "--user"] + realChild

    static func request(_ limits: ChildLimits) throws -> AnalysisRequest {
        AnalysisRequest(path: try MediaFixture.tiny.path, media: MediaSettings(), fingerprint: FingerprintSettings(), keyframes: 1, limits: limits)
    }
}
