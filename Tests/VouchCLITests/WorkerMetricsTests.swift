import Foundation
import Testing
import VouchStore
import VouchTestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `vouch worker` serves no API, so it exports its own counters on `--metrics-port`.
@Suite struct WorkerMetricsTests {
    @Test func aWorkerExportsWhatItCountedOnItsOwnListener() async throws {
        let database = try await TestEngine.sqlite.makeDatabase()
        let deployment = try await TestDeployment.make(location: database.location)
        defer { deployment.remove() }
        let (server, id) = try await deployment.serveOneClip()
        let port = try TestDeployment.freePort()
        let worker = try deployment.start("worker", ["--metrics-port", "\(port)"], name: "worker")
        let store = try await Store.open(database.location)
        #expect(try await store.waitUntilFinal([id], seconds: 60).first?.status == .published)
        try await store.close()

        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/metrics")!)
        let text = String(decoding: data, as: UTF8.self)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(text.contains(#"vouch_clips_processed_total{status="published"} 1"#), "\(text)")
        #expect(text.contains(#"vouch_jobs{state="done"} 1"#))
        #expect(text.contains("vouch_log_problems 0"))
        #expect(text.contains("vouch_log_size 1"))
        worker.terminate()
        server.terminate()
        #expect(try await worker.exitStatus(within: 20) == 0)
        #expect(try await server.exitStatus(within: 20) == 0)
        await database.drop()
    }
}
