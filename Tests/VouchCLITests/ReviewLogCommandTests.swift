import Foundation
import Testing
import VouchStore
import VouchTestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The review log end to end: a real `vouch serve` publishes and logs clips, `vouch verify`
/// checks them with only the API and the public key, and a review changed directly in the
/// database is caught by `vouch verify`, by the server's own self-check and by `vouch log check`.
@Suite(.serialized) struct ReviewLogCommandTests {
    @Test func tamperingWithAStoredReviewIsDetected() async throws {
        let database = try await TestEngine.sqlite.makeDatabase()
        let deployment = try await TestDeployment.make(location: database.location, sections: [
            "log": ["origin": "test.example/reviews", "checkpointSeconds": 0.2, "selfCheckSeconds": 1],
            "server": ["rateLimit": ["enabled": false]],
        ])
        defer { deployment.remove() }
        let server = try deployment.start("serve", [], name: "serve")
        defer { server.killHard() }
        try await deployment.waitUntilServing(server)
        var ids: [Int64] = []
        for (fixture, reviewer) in [(MediaFixture.clip, "alice"), (MediaFixture.unrelatedClip, "bob")] {
            let answer = try await deployment.upload(try Data(contentsOf: URL(fileURLWithPath: try fixture.path)), reviewer: reviewer)
            ids.append(try #require(answer.body["id"] as? Int).int64)
        }
        // The store is closed however the test ends: an open SQLite connection left to deinit traps.
        try await withFixture({ try await Store.open(database.location) }, tearDown: { try? await $0.close() }) { store in
            let final = try await store.waitUntilFinal(ids, seconds: 120)
            #expect(final.map(\.status) == [.published, .published])
            try await waitForCheckpoint(of: 2, deployment: deployment)

            let common = ["--config", deployment.settingsFile.path, "--data", deployment.directory.path, "--database", deployment.databaseArgument]
            let key = try VouchRun(["log", "key"] + common).output.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(key.hasPrefix("test.example/reviews+"))
            let verify = ["verify", "--server", "http://127.0.0.1:\(deployment.port)", "--key", key, "--product", "sku-1",
                          "--state", deployment.directory.appendingPathComponent("seen").path]
            let honest = try VouchRun(verify)
            #expect(honest.status == 0, "\(honest.output)\(honest.errors)")
            #expect(honest.output.contains("verified: sku-1"))
            let clean = try VouchRun(["log", "check"] + common)
            #expect(clean.status == 0 && clean.output.contains("ok: 2 entries agree"), "\(clean.output)\(clean.errors)")

            let now = Int64(Date().timeIntervalSince1970 * 1000)
            let changed = ids[0]
            try await store.database.run { db in try await db.raw("UPDATE clips SET score = 0.99, updated_at = \(bind: now) WHERE id = \(bind: changed)").run() }

            var caught: VouchRun?
            for _ in 0..<40 where caught == nil {
                try await Task.sleep(for: .milliseconds(250))
                let run = try VouchRun(verify)
                if run.status == 1 { caught = run }
            }
            let failed = try #require(caught, "vouch verify never saw the changed score")
            #expect(failed.output.contains("FAIL clip \(ids[0]) is not shown as logged") && failed.output.contains("shown score 0.990000"))

            var selfChecked = false
            for _ in 0..<40 where !selfChecked {
                try await Task.sleep(for: .milliseconds(250))
                selfChecked = server.output.contains("clip \(ids[0])'s score differs from its latest log entry")
            }
            #expect(selfChecked, "the server's self-check reports the change")
            let check = try VouchRun(["log", "check"] + common)
            #expect(check.status == 1 && check.output.contains("FAIL clip \(ids[0])'s score differs"))

            // The same change with the log index moved past the signed log's end.
            try await store.database.run { db in
                try await db.raw("UPDATE clips SET log_index = 1000, updated_at = \(bind: Int64(Date().timeIntervalSince1970 * 1000)) WHERE id = \(bind: changed)").run()
            }
            let pastTheEnd = try await verifyFails(verify, until: "FAIL clip \(changed) is shown as logged at 1000, outside the signed log")
            #expect(pastTheEnd.status == 1, "\(pastTheEnd.output)")
            #expect(try VouchRun(["log", "check"] + common).status == 1)

            // A takedown undone in the database: the clip published again and pointed at its old entry.
            let takenDown = ids[1]
            let oldEntry = try await store.database.run { db in
                try await db.raw("SELECT log_index FROM clips WHERE id = \(bind: takenDown)").first()?.decode(column: "log_index", as: Int64.self) ?? -1
            }
            _ = try await store.decide(.reject, clip: takenDown, moderator: "mod", reason: "stolen footage")
            try await waitForCheckpoint(of: 3, deployment: deployment)
            try await store.database.run { db in
                try await db.raw("UPDATE clips SET status = 'published', log_index = \(bind: oldEntry), updated_at = \(bind: Int64(Date().timeIntervalSince1970 * 1000)) WHERE id = \(bind: takenDown)").run()
            }
            let undone = try await verifyFails(verify, until: "FAIL clip \(takenDown) is shown as logged at \(oldEntry), but the log has a later entry for it at 2")
            #expect(undone.status == 1, "\(undone.output)")
            let partial = try VouchRun(verify + ["--no-complete", "--wait", "0"])
            #expect(partial.status == 1, "a tail proof catches it without a replay: \(partial.output)")
            #expect(partial.output.contains("the log has a later entry for it at 2"))
            #expect(try VouchRun(["log", "check"] + common).status == 1)
        }
        await database.drop()
    }

    /// Runs `vouch verify` until its output names `failure` (the server's ranking cache may
    /// take a moment to see a change made behind its back).
    private func verifyFails(_ verify: [String], until failure: String) async throws -> VouchRun {
        var last: VouchRun?
        for _ in 0..<40 {
            let run = try VouchRun(verify + ["--wait", "0.5"])
            if run.output.contains(failure) { return run }
            last = run
            try await Task.sleep(for: .milliseconds(250))
        }
        Issue.record("vouch verify never reported '\(failure)': \(last?.output ?? "")")
        throw DeploymentError.timedOut(failure)
    }

    private func waitForCheckpoint(of size: Int, deployment: TestDeployment) async throws {
        for _ in 0..<100 {
            let url = URL(string: "http://127.0.0.1:\(deployment.port)/v1/log/checkpoint")!
            if let (data, _) = try? await URLSession.shared.data(from: url),
               String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst().first == Substring("\(size)") { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw DeploymentError.timedOut("no checkpoint of \(size) entries")
    }
}
