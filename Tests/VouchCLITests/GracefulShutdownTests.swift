import Foundation
import Testing
import VouchIdentity
import VouchStore
import VouchTestSupport

/// SIGTERM, as a rolling restart sends it: a worker finishes or hands back the clip it
/// holds and leaves no analysis child behind; the server finishes the request in flight.
@Suite(.serialized) struct GracefulShutdownTests {
    /// A deployment whose analysis child records its process id in `children`, then takes `analysisSeconds`.
    private func deployment(on database: TestDatabase, analysisSeconds: Int, drainSeconds: Double) async throws -> (TestDeployment, children: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-children-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let analyzer = ["/bin/sh", "-c", "echo $$ >> '\(directory.path)/children'; sleep \(analysisSeconds); exec '\(VouchExecutable.url.path)' analyze"]
        // A long lease: the clip may only finish promptly if it is handed over, not if it expires.
        let deployment = try await TestDeployment.make(location: database.location, leaseSeconds: 60,
                                             sections: ["pipeline": ["analyzerCommand": analyzer, "drainSeconds": drainSeconds,
                                                                     "pollSeconds": 0.2, "indexPollSeconds": 0.2, "keyframes": 1,
                                                                     "queue": ["leaseSeconds": 60, "maxAttempts": 5, "backoffSeconds": 0.5, "maxBackoffSeconds": 2]]])
        return (deployment, directory.appendingPathComponent("children"))
    }

    @Test(arguments: TestEngine.available)
    func aWorkerStoppedPastItsDrainTimeHandsTheClipToAnotherAtOnceAndKillsItsChild(_ engine: TestEngine) async throws {
        let database = try await engine.makeDatabase()
        let (deployment, children) = try await deployment(on: database, analysisSeconds: 6, drainSeconds: 1)
        defer { deployment.remove() }
        let (server, id) = try await deployment.serveOneClip()
        let store = try await Store.open(database.location)
        let stopping = try deployment.start("worker", ["--name", "stopping"], name: "stopping")
        try await store.waitForLease(on: id, by: "stopping", seconds: 60)
        let successor = try deployment.start("worker", ["--name", "successor"], name: "successor")
        try await Task.sleep(for: .seconds(1))
        let child = try #require(pid_t(try String(contentsOf: children, encoding: .utf8).split(separator: "\n").first ?? ""))
        let stoppedAt = Date()
        stopping.terminate()

        #expect(try await stopping.exitStatus(within: 10) == 0)
        // Killed processes linger as zombies until their new parent reaps them: allow it a moment.
        #expect(try await gone(child, within: 3), "the analysis child \(child) must not outlive its worker")
        #expect(try await gone(-child, within: 3), "nothing the child started (its process group) may outlive it")
        let final = try await store.waitUntilFinal([id], seconds: 30)
        #expect(Date().timeIntervalSince(stoppedAt) < 20, "handed over at once, not after the 60 s lease")
        #expect(final.first?.status == .published)
        #expect(try await store.finalisations(of: [id]) == [id: 1])
        let job = try #require(try await store.jobs(clip: id).first)
        #expect(job.attempts == 2 && job.maxAttempts == 6, "the released attempt does not count against the clip")
        #expect(try await store.auditLog(subject: "clip:\(id)").first?.actor == "worker:successor")
        #expect(stopping.output.contains("released to the queue"))
        successor.terminate()
        server.terminate()
        #expect(try await successor.exitStatus(within: 10) == 0)
        #expect(try await server.exitStatus(within: 10) == 0)
        try await store.close()
        await database.drop()
    }

    @Test func aWorkerStoppedWithinItsDrainTimeFinishesTheClipItHolds() async throws {
        let database = try await TestEngine.available.last!.makeDatabase()
        let (deployment, _) = try await deployment(on: database, analysisSeconds: 2, drainSeconds: 30)
        defer { deployment.remove() }
        let (server, id) = try await deployment.serveOneClip()
        let store = try await Store.open(database.location)
        let worker = try deployment.start("worker", ["--name", "draining"], name: "draining")
        try await store.waitForLease(on: id, by: "draining", seconds: 60)
        worker.terminate()
        #expect(try await worker.exitStatus(within: 30) == 0)
        let clipNow = try #require(try await store.clip(id: id))
        #expect(clipNow.status == .published, "the clip in hand is finished before the worker exits")
        #expect(try await store.auditLog(subject: "clip:\(id)").first?.actor == "worker:draining")
        #expect(try await store.jobs(clip: id).first?.attempts == 1)
        server.terminate()
        #expect(try await server.exitStatus(within: 10) == 0)
        try await store.close()
        await database.drop()
    }

    @Test func theServerFinishesTheRequestInFlightOnSIGTERM() async throws {
        let database = try await TestEngine.sqlite.makeDatabase()
        let deployment = try await TestDeployment.make(location: database.location)
        defer { deployment.remove() }
        let server = try deployment.start("serve", ["--workers", "0"], name: "api")
        try await deployment.waitUntilServing(server)
        let clip = try Data(contentsOf: URL(fileURLWithPath: try MediaFixture.tiny.path))
        let attestation = try await deployment.platform.attestation(clipSHA256: ClipDigest.sha256Hex(of: clip), reviewer: "alice")
        let progress = deployment.directory.appendingPathComponent("upload.out")
        // A client that sends half the clip, pauses, then the rest: in flight when SIGTERM lands.
        let script = """
            import socket, sys, time
            port, key, attestation, path, progress = sys.argv[1:]
            body = open(path, 'rb').read()
            head = (f'POST /v1/clips?product=sku-1 HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nAuthorization: Bearer {key}\\r\\n'
                    f'Vouch-Attestation: {attestation}\\r\\nContent-Type: video/mp4\\r\\nContent-Length: {len(body)}\\r\\n\\r\\n').encode()
            s = socket.create_connection(('127.0.0.1', int(port)))
            half = len(body) // 2
            s.sendall(head + body[:half])
            open(progress, 'w').write('sent half\\n')
            time.sleep(2)
            s.sendall(body[half:])
            answer = s.recv(65536).split(b'\\r\\n')[0].decode()
            open(progress, 'a').write(answer + '\\n')
            """
        let client = Process()
        client.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        client.arguments = ["python3", "-c", script, "\(deployment.port)", deployment.platform.apiKey, attestation, try MediaFixture.tiny.path, progress.path]
        try client.run()
        let deadline = Date().addingTimeInterval(30)
        while !((try? String(contentsOf: progress, encoding: .utf8)) ?? "").contains("sent half") {
            guard Date() < deadline else { Issue.record("the client never started its upload"); return }
            try await Task.sleep(for: .milliseconds(50))
        }
        server.terminate()
        #expect(try await server.exitStatus(within: 20) == 0)
        while client.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        let answer = (try? String(contentsOf: progress, encoding: .utf8)) ?? ""
        #expect(answer.contains("HTTP/1.1 202"), "the upload in flight is accepted: \(answer)")
        let store = try await Store.open(database.location)
        #expect(try await store.jobCounts()[.queued] == 1)
        try await store.close()
        await database.drop()
    }

    /// Whether `kill(target, 0)` stops finding the process (or, negative, the process group) within `seconds`.
    private func gone(_ target: pid_t, within seconds: Double) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while kill(target, 0) == 0 {
            guard Date() < deadline else { return false }
            try await Task.sleep(for: .milliseconds(50))
        }
        return true
    }
}
