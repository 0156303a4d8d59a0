import Foundation
import Testing
import VouchFingerprint
import VouchMedia
import VouchPipeline
import VouchTestSupport

/// Runs a stand-in for a hijacked decoder (`Tests/SandboxProbe`) through the worker's
/// launcher, inside the analysis child's sandbox, and checks each attack fails.
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

        let probe = IsolatedAnalyzer(command: [VouchExecutable.sandboxProbe.path, secret.path, "\(listener.port)", folder.path])
        let request = AnalysisRequest(path: try MediaFixture.clip.path, media: MediaSettings(), fingerprint: FingerprintSettings(),
                                      keyframes: 0, limits: ChildLimits())
        let error = try await #require(throws: PipelineError.self) { try await probe.analyze(request) }
        guard case .rejectedMedia(let answer) = error else { Issue.record("the probe did not answer: \(error)"); return }
        let attempts = try JSONDecoder().decode([String: String].self, from: Data(answer.utf8))
        let layers = attempts["sandbox"] ?? "no report"

        #expect(attempts["environment"] == "", "no VOUCH_DATABASE or any other variable reaches the child")
        #expect(attempts["read-clip"] == "allowed", "the clip stays readable (\(layers))")
        #expect(attempts["read-secret"] != "allowed", "\(layers)")
        #expect(attempts["read-secret-through-an-earlier-thread"] != "allowed", "\(layers)")
        #expect(attempts["connect-loopback"] != "allowed", "\(layers)")
        #expect(attempts["write-file"] != "allowed", "\(layers)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("planted").path))
        #expect(attempts["spawn-process"] != "allowed", "\(layers)")
    }

    @Test func theRealChildAnalysesAClipInsideEveryLayer() async throws {
        var limits = ChildLimits()
        limits.requiredSandboxLayers = SandboxLayer.allCases
        let request = AnalysisRequest(path: try MediaFixture.tiny.path, media: MediaSettings(), fingerprint: FingerprintSettings(),
                                      keyframes: 1, limits: limits)
        let analysis = try await IsolatedAnalyzer(command: [VouchExecutable.url.path, "analyze"]).analyze(request)
        #expect(!analysis.fingerprint.frames.isEmpty && analysis.keyframes.count == 1)
        #expect(analysis.sandbox?.active == SandboxLayer.allCases, "\(analysis.sandbox.map(String.init(describing:)) ?? "no report")")
    }
}
