import Foundation
import Testing
import VouchStore
import VouchTestSupport

/// `vouch jobs list` and `vouch jobs retry`: a clip whose job died of a fault of the server
/// (here, a missing analyser) is listed with its error, and once the fault is fixed it is
/// queued again, audited, and finished.
@Suite(.serialized) struct JobsCommandTests {
    @Test(arguments: TestEngine.available)
    func aDeadJobIsListedRetriedAndFinished(_ engine: TestEngine) async throws {
        let database = try await engine.makeDatabase()
        let deployment = try await TestDeployment.make(location: database.location, sections: [
            "pipeline": ["analyzerCommand": ["/nonexistent/vouch-analyzer"], "pollSeconds": 0.2, "indexPollSeconds": 0.2, "keyframes": 1,
                         "queue": ["leaseSeconds": 2, "maxAttempts": 1, "backoffSeconds": 0.5, "maxBackoffSeconds": 2]],
        ])
        defer { deployment.remove() }
        let (server, id) = try await deployment.serveOneClip(workers: 1, name: "broken")
        let store = try await Store.open(database.location)
        #expect(try await store.waitUntilFinal([id], seconds: 60).first?.status == .failed)
        server.terminate()
        #expect(try await server.exitStatus(within: 20) == 0)

        let common = ["--config", deployment.settingsFile.path, "--data", deployment.directory.path, "--database", deployment.databaseArgument]
        let list = try VouchRun(["jobs", "list"] + common)
        #expect(list.status == 0, "\(list.errors)")
        #expect(list.output.contains("dead 1"))
        #expect(list.output.contains("clip \(id) attempts 1/1: the clip could not be analysed"), "\(list.output)")

        let unnamed = try VouchRun(["jobs", "retry"] + common)
        #expect(unnamed.status != 0 && unnamed.errors.contains("say which dead jobs"))
        let retry = try VouchRun(["jobs", "retry", "--clip", "\(id)"] + common)
        #expect(retry.status == 0, "\(retry.output)\(retry.errors)")
        #expect(retry.output.contains("queued job"))
        #expect(try await store.auditLog(subject: "clip:\(id)").first?.action == "job.retried")
        #expect(try await store.clip(id: id)?.status == .received)

        try deployment.mergeSettings(["pipeline": ["analyzerCommand": [String]()]])
        let fixed = try deployment.start("serve", ["--workers", "1"], name: "fixed")
        #expect(try await store.waitUntilFinal([id], seconds: 60).first?.status == .published)
        #expect(try await store.jobs(clip: id).first?.attempts == 2)
        let twice = try VouchRun(["jobs", "retry", "--clip", "\(id)"] + common)
        #expect(twice.status != 0 && twice.output.contains("not retried"))
        fixed.terminate()
        _ = try await fixed.exitStatus(within: 20)
        try await store.close()
        await database.drop()
    }
}
