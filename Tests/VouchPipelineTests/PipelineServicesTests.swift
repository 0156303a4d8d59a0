import Foundation
import Logging
import ServiceLifecycle
import Testing
import VouchFingerprint
import VouchIndex
import VouchMedia
import VouchPipeline
import VouchStore
import VouchTestSupport

/// The pipeline's loops as one service group: they run until a graceful shutdown, even
/// those with nothing to do, and then stop together.
@Suite struct PipelineServicesTests {
    @Test func aProcessWhoseLoopsHaveNothingToDoKeepsRunningUntilShutDown() async throws {
        let database = try await TestEngine.sqlite.makeDatabase()
        var log = LogSettings()
        log.selfCheckSeconds = 0   // with no signing key, the log's loop has nothing to do
        let configuration = PipelineConfiguration(pipeline: PipelineSettings(), media: MediaSettings(), fingerprint: FingerprintSettings(),
                                                  index: IndexSettings(), scoring: ScoringModel(), log: log)
        let spool = Spool(directory: FileManager.default.temporaryDirectory.appendingPathComponent("vouch-spool-\(UUID())"))
        try await withFixture({ try await Pipeline.start(location: database.location, spool: spool, settings: configuration, logger: Logger(label: "test")) },
                              tearDown: { try? await $0.store.close() }) { pipeline in
            let group = ServiceGroup(services: pipeline.services(workers: 0, namePrefix: "test"), logger: Logger(label: "test"))
            let ended = Ended()
            let running = Task {
                try? await group.run()
                await ended.mark()
            }
            try await Task.sleep(for: .milliseconds(800))
            #expect(await !ended.value, "a loop that returned at once ended the whole group")
            await group.triggerGracefulShutdown()
            await running.value
            #expect(await ended.value)
        }
        await database.drop()
    }
}

/// Whether a task got to its end.
private actor Ended {
    private(set) var value = false

    func mark() {
        value = true
    }
}
