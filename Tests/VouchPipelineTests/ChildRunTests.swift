import Foundation
import Testing
import VouchFingerprint
import VouchMedia
import VouchPipeline
#if canImport(Glibc)
import Glibc
#endif

/// The analysis child as a worker runs it: its answer bounded, its error output drained,
/// and the child, with everything it started, stopped at the wall clock or on cancellation.
@Suite(.timeLimit(.minutes(1))) struct ChildRunTests {
    @Test func aChildFloodingItsAnswerIsStoppedAtTheLimit() async throws {
        var limits = ChildLimits()
        limits.maxAnswerBytes = 64 << 10
        limits.wallSeconds = 50
        // Unbounded reading would run into the wall clock instead.
        await #expect(throws: PipelineError.childAnswerTooLarge(limit: 64 << 10)) {
            try await IsolatedAnalyzer(command: ["/bin/sh", "-c", "exec yes"]).analyze(Self.request(limits))
        }
    }

    @Test func anAnswerOfExactlyTheLimitIsRead() async throws {
        var limits = ChildLimits()
        limits.maxAnswerBytes = 64 << 10
        let error = try await #require(throws: PipelineError.self) {
            try await IsolatedAnalyzer(command: ["/bin/sh", "-c", "head -c 65536 /dev/zero"]).analyze(Self.request(limits))
        }
        guard case .childFailed(0, let detail) = error else { Issue.record("got \(error)"); return }
        #expect(detail.contains("not readable"), "the whole answer was read, and only its content is wrong")
    }

    @Test func errorOutputPastItsBoundIsReadAndDropped() async throws {
        let command = ["/bin/sh", "-c", "head -c 20000000 /dev/zero >&2; exit 3"]
        let error = try await #require(throws: PipelineError.self) {
            try await IsolatedAnalyzer(command: command).analyze(Self.request(ChildLimits()))
        }
        guard case .childFailed(3, _) = error else { Issue.record("got \(error)"); return }
    }

    @Test func aChildPastItsWallClockIsStoppedWithEverythingItStarted() async throws {
        let pidFile = Self.pidFile()
        var limits = ChildLimits()
        limits.wallSeconds = 0.5
        let started = ContinuousClock.now
        await #expect(throws: PipelineError.childTimedOut(seconds: 0.5)) {
            try await IsolatedAnalyzer(command: ["/bin/sh", "-c", "sleep 60 & echo $$ > '\(pidFile.path)'; wait"]).analyze(Self.request(limits))
        }
        #expect(ContinuousClock.now - started < .seconds(20), "stopped at 0.5 s, not after the child's 60 s")
        #expect(try await Self.processGroupEnded(try await Self.processID(in: pidFile), within: 10))
    }

    @Test func aChildIgnoringSIGTERMIsKilled() async throws {
        let pidFile = Self.pidFile()
        var limits = ChildLimits()
        limits.wallSeconds = 0.5
        let started = ContinuousClock.now
        let stubborn = "trap '' TERM; echo $$ > '\(pidFile.path)'; while :; do sleep 0.1; done"
        await #expect(throws: PipelineError.childTimedOut(seconds: 0.5)) {
            try await IsolatedAnalyzer(command: ["/bin/sh", "-c", stubborn]).analyze(Self.request(limits))
        }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .seconds(2), "SIGTERM first, and a grace period before SIGKILL")
        #expect(elapsed < .seconds(30))
        #expect(try await Self.processGroupEnded(try await Self.processID(in: pidFile), within: 10))
    }

    @Test func cancellingTheAnalysisStopsTheChild() async throws {
        let pidFile = Self.pidFile()
        let analysis = Task {
            try await IsolatedAnalyzer(command: ["/bin/sh", "-c", "echo $$ > '\(pidFile.path)'; exec sleep 60"]).analyze(Self.request(ChildLimits()))
        }
        let child = try await Self.processID(in: pidFile)
        analysis.cancel()
        await #expect(throws: CancellationError.self) { try await analysis.value }
        #expect(try await Self.processGroupEnded(child, within: 10))
    }

    static func request(_ limits: ChildLimits) -> AnalysisRequest {
        AnalysisRequest(path: "/dev/null", media: MediaSettings(), fingerprint: FingerprintSettings(), keyframes: 1, limits: limits)
    }

    static func pidFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("vouch-child-\(UUID()).pid")
    }

    /// The process id a child wrote to `file`, once it has.
    static func processID(in file: URL) async throws -> pid_t {
        for _ in 0..<200 {
            if let text = try? String(contentsOf: file, encoding: .utf8), let id = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                try? FileManager.default.removeItem(at: file)
                return id
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CocoaError(.fileNoSuchFile)
    }

    /// Whether every process of the group that `leader` led has ended (and been reaped) within `seconds`.
    static func processGroupEnded(_ leader: pid_t, within seconds: Double) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while kill(-leader, 0) == 0 {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(50))
        }
        return true
    }
}
