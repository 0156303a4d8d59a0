import Foundation
import Logging
import Testing
import VouchFingerprint
import VouchMedia
import VouchModel
import VouchPipeline
import VouchStore
import VouchTestSupport

/// Copies uploaded at the same moment and analysed by workers of different processes,
/// whose indexes do not yet hold each other's clips: the first committed is the original,
/// every other is flagged.
@Suite struct ConcurrentCopiesTests {
    static let rounds = 20

    @Test(arguments: TestEngine.available)
    func copiesAnalysedAtTheSameMomentByDifferentProcessesAreCaught(_ engine: TestEngine) async throws {
        let analyses = try await Self.analyses.value
        try await withPipeline(engine, adjust: Self.replayAnalyses) { fixture in
            // A second process: its own store connections and its own index.
            let other = try await Pipeline.start(location: fixture.database.location, spool: fixture.pipeline.spool,
                                                 settings: fixture.pipeline.configuration, logger: Logger(label: "test"))
            try await withFixture({ other }, tearDown: { try? await $0.store.close() }) { other in
                let workers = [fixture.worker("a1"), other.worker(named: "b1"), fixture.worker("a2"), other.worker(named: "b2")]
                var outcomes: [String] = []
                for round in 0..<Self.rounds {
                    var clips: [ClipRecord] = []
                    for (number, analysis) in analyses.enumerated() {
                        // Each upload differs in bytes (trailing spaces), not in what it shows.
                        let upload = analysis + Data(repeating: 0x20, count: round * analyses.count + number)
                        clips.append(try await fixture.submit(upload, reviewer: "r\(round)-\(number)", product: "sku-\(round)-\(number)"))
                    }
                    let processed = try await withThrowingTaskGroup(of: Bool.self) { group in
                        for worker in workers { group.addTask { try await worker.processNext() } }
                        return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                    }
                    #expect(processed == clips.count)
                    var verdicts: [Verdict] = []
                    for clip in clips {
                        let done = try #require(try await fixture.pipeline.store.clip(id: clip.id))
                        verdicts.append(try #require(done.verdict))
                        // (The uploads carry no content credentials a verifier can read, so each is also held for that.)
                        let flags = try await fixture.pipeline.store.flags(clip: clip.id).map(\.kind)
                        #expect(flags.filter { $0 == .copyOfOtherIdentity }.count == (done.verdict == .copy ? 1 : 0), "round \(round): \(flags)")
                        #expect(flags.allSatisfy { [.copyOfOtherIdentity, .provenanceInvalid].contains($0) }, "round \(round): \(flags)")
                        try await fixture.pipeline.store.removeFromIndex(clip: clip.id, actor: "test", reason: "the next round starts afresh")
                    }
                    outcomes.append(verdicts.map(\.description).joined(separator: " "))
                    #expect(verdicts.filter { $0 == .original }.count == 1, "round \(round): \(verdicts)")
                    #expect(verdicts.filter { $0 == .copy }.count == clips.count - 1, "round \(round): \(verdicts)")
                }
                #expect(outcomes.count == Self.rounds)
            }
        }
    }

    /// The analysis child's answers for an original and three copies of it (a mirrored
    /// re-encode, the same clip again, the mirrored copy again), made by the real child.
    /// Made once for both engines' runs.
    static let analyses = Task { try await makeAnalyses() }

    private static func makeAnalyses() async throws -> [Data] {
        let analyzer = IsolatedAnalyzer(command: [VouchExecutable.url.path, "analyze"])
        var made: [Data] = []
        for fixture in [MediaFixture.clip, .mirroredCopy] {
            let request = AnalysisRequest(path: try fixture.path, media: MediaSettings(), fingerprint: FingerprintSettings(), keyframes: 2, limits: ChildLimits())
            made.append(try JSONEncoder().encode(try await analyzer.analyze(request)))
        }
        return made + made
    }

    /// A stand-in analysis child that answers with the upload itself: the uploads are the
    /// real child's answers, so a round costs milliseconds, not seconds of decoding.
    static func replayAnalyses(_ settings: inout PipelineSettings) {
        settings.analyzerCommand = ["/usr/bin/env", "python3", "-c", "import json, sys; sys.stdout.write(open(json.load(sys.stdin)['path']).read())"]
        settings.indexPollSeconds = 3600
    }
}
