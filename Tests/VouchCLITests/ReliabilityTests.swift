import Foundation
import Testing
import VouchStore
import VouchTestSupport

/// Real `vouch serve` and `vouch worker` processes, killed with SIGKILL at the worst
/// moments: nothing accepted may be lost, and nothing may be processed twice.
@Suite(.serialized) struct ReliabilityTests {
    @Test(arguments: TestEngine.available)
    func aWorkerKilledMidClipLosesNothing(_ engine: TestEngine) async throws {
        let database = try await engine.makeDatabase()
        let deployment = try await TestDeployment.make(location: database.location, leaseSeconds: 2, analyzerDelay: 3)
        defer { deployment.remove() }
        let server = try deployment.start("serve", ["--workers", "0"], name: "api")
        try await deployment.waitUntilServing(server)
        let clip = try Data(contentsOf: URL(fileURLWithPath: try MediaFixture.clip.path))
        let accepted = try await deployment.upload(clip, reviewer: "alice")
        #expect(accepted.status == 202)
        let id = try #require(accepted.body["id"] as? Int).int64

        try await Store.using(database.location) { store in
            let doomed = try deployment.start("worker", ["--name", "doomed"], name: "doomed")
            try await store.waitForLease(on: id, by: "doomed", seconds: 60)
            doomed.killHard()

            let survivor = try deployment.start("worker", ["--name", "survivor"], name: "survivor")
            let final = try await store.waitUntilFinal([id], seconds: 90)
            #expect(final.first?.status == .published)
            #expect(try await store.finalisations(of: [id]) == [id: 1])
            let job = try #require(try await store.jobs(clip: id).first)
            #expect(job.attempts == 2)
            #expect(try await store.auditLog(subject: "clip:\(id)").first?.actor == "worker:survivor")
            survivor.killHard()
            server.killHard()
        }
        await database.drop()
    }

    @Test func theEmbeddedServerKilledMidBatchFinishesEveryClipOnce() async throws {
        let database = try await TestEngine.sqlite.makeDatabase()
        let deployment = try await TestDeployment.make(location: database.location, leaseSeconds: 2, analyzerDelay: 0.5)
        defer { deployment.remove() }
        var server = try deployment.start("serve", name: "serve-1")
        try await deployment.waitUntilServing(server)
        let clips = try [MediaFixture.clip, .unrelatedClip, .mirroredCopy].map { try Data(contentsOf: URL(fileURLWithPath: try $0.path)) }
        var ids: [Int64] = []
        for index in 0..<9 {
            let answer = try await deployment.upload(clips[index % 3], reviewer: "reviewer-\(index)", product: "sku-\(index % 2)")
            #expect(answer.status == 202)
            ids.append(try #require(answer.body["id"] as? Int).int64)
        }
        try await Store.using(database.location) { store in
            try await store.waitUntilAnyFinal(ids, seconds: 60)
            server.killHard()
            let finishedBeforeKill = try await store.finalisations(of: ids).values.filter { $0 > 0 }.count
            #expect(finishedBeforeKill < ids.count, "the kill must land mid-batch")

            server = try deployment.start("serve", name: "serve-2")
            let final = try await store.waitUntilFinal(ids, seconds: 120)
            #expect(final.allSatisfy { $0.status == .published || $0.status == .flagged })
            #expect(try await store.finalisations(of: ids).values.allSatisfy { $0 == 1 })
            server.killHard()
        }
        await database.drop()
    }

    @Test(.enabled(if: TestEngine.available.contains(.postgres)))
    func twoWorkersAndAnAPIOnPostgreSQLFinishTwoHundredClipsOnceEachThoughOneWorkerDies() async throws {
        let database = try await TestEngine.postgres.makeDatabase()
        let deployment = try await TestDeployment.make(location: database.location, leaseSeconds: 3)
        defer { deployment.remove() }
        let server = try deployment.start("serve", ["--workers", "0"], name: "api")
        try await deployment.waitUntilServing(server)
        let first = try deployment.start("worker", ["--name", "first"], name: "first")
        let second = try deployment.start("worker", ["--name", "second"], name: "second")
        let clip = try Data(contentsOf: URL(fileURLWithPath: try MediaFixture.tiny.path))

        let ids = try await withThrowingTaskGroup(of: Int64.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let answer = try await deployment.upload(clip, reviewer: "reviewer-\(index)", product: "sku-\(index % 20)")
                    guard answer.status == 202, let id = answer.body["id"] as? Int else { throw DeploymentError.exited("upload \(index): \(answer)") }
                    return Int64(id)
                }
            }
            return try await group.reduce(into: [Int64]()) { $0.append($1) }
        }
        #expect(Set(ids).count == 200)
        try await Store.using(database.location) { store in
            try await store.waitUntilFinalCount(ids, atLeast: 40, seconds: 120)
            first.killHard()
            let final = try await store.waitUntilFinal(ids, seconds: 300)
            #expect(final.allSatisfy { $0.status == .published || $0.status == .flagged })
            #expect(try await store.finalisations(of: ids).values.allSatisfy { $0 == 1 })
            second.killHard()
            server.killHard()
        }
        await database.drop()
    }
}

extension Int {
    var int64: Int64 { Int64(self) }
}

extension Store {
    func waitForLease(on clip: Int64, by worker: String, seconds: Double) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await jobs(clip: clip).first?.leaseOwner == worker { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw DeploymentError.timedOut("\(worker) never leased clip \(clip)")
    }

    func waitUntilAnyFinal(_ ids: [Int64], seconds: Double) async throws {
        try await waitUntilFinalCount(ids, atLeast: 1, seconds: seconds)
    }

    func waitUntilFinalCount(_ ids: [Int64], atLeast count: Int, seconds: Double) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await finalisations(of: ids).values.filter({ $0 > 0 }).count >= count { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw DeploymentError.timedOut("fewer than \(count) clips finished within \(seconds) s")
    }
}
