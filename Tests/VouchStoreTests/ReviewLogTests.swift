import Foundation
import SQLKit
import Testing
import VouchLog
import VouchStore
import VouchTestSupport

@Suite struct ReviewLogTests {
    @Test(arguments: TestEngine.available)
    func batchesAndSingleAppendsAcrossTilesGrowOneTreeWhoseProofsVerify(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let entries = (0..<700).map { Data("entry \($0)".utf8) }
            #expect(try await store.appendToLog(Array(entries[0..<5])) == [0, 1, 2, 3, 4])
            for entry in entries[5..<12] { _ = try await store.appendToLog([entry]) }
            #expect(try await store.appendToLog(Array(entries[12..<300])) == Array(12..<300), "a batch across a 256-leaf tile")
            #expect(try await store.appendToLog(Array(entries[300...])) == Array(300..<700))

            let leaves = entries.map { TreeHash.leaf($0) }
            var reference = TreeFrontier()
            var roots: [TreeHash] = []
            for leaf in leaves {
                _ = reference.append(leaf)
                roots.append(reference.root)
            }
            let head = try await store.logHead()
            #expect(head.size == 700 && head.root == roots[699])
            for index in stride(from: 0, to: 700, by: 7) + [255, 256, 511, 512, 699] {
                let proof = try await store.inclusionProof(leaf: Int64(index), treeSize: 700)
                #expect(proof.verify(leaf: leaves[index], root: head.root), "leaf \(index)")
                let early = try await store.inclusionProof(leaf: Int64(index / 2), treeSize: Int64(index + 1))
                #expect(early.verify(leaf: leaves[index / 2], root: roots[index]), "leaf \(index / 2) of \(index + 1)")
            }
            for old in [1, 2, 5, 12, 16, 255, 256, 257, 512, 699, 700] {
                let proof = try await store.consistencyProof(from: Int64(old), to: 700)
                #expect(proof.verify(oldRoot: roots[old - 1], newRoot: head.root), "\(old) → 700")
            }
            #expect(try await store.logEntries(from: 698, limit: 10).map(\.entry) == Array(entries[698...]))
            #expect(try await store.auditLog(verifier: nil).isEmpty)
            try await store.database.run { db in
                let tile = try #require(try await db.select().column("hashes").from("log_tiles").where("block", .equal, 1).first())
                var bytes = try tile.decode(column: "hashes", as: Data.self)
                bytes[32 * 3] ^= 1
                try await db.update("log_tiles").set("hashes", to: SQLBind(bytes)).where("block", .equal, 1).run()
            }
            #expect(try await store.auditLog(verifier: nil) == [.entryAltered(index: 259)], "the fourth leaf hash of the second tile")
            await #expect(throws: LogError.self) { try await store.inclusionProof(leaf: 700, treeSize: 700) }
            await #expect(throws: LogError.self) { try await store.inclusionProof(leaf: 3, treeSize: 701) }
            await #expect(throws: LogError.self) { try await store.consistencyProof(from: 0, to: 5) }
        }
    }

    @Test(arguments: TestEngine.available)
    func publishedClipsAndDecisionsAreLoggedAndRankedWithTheirIndex(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let published = try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.8)
            let held = try await store.finishedClip(reviewer: "bob", product: "sku-1", score: 0.3, status: .flagged)
            #expect(try await store.logSize() == 1, "a clip held for moderators is not logged until decided")
            try await store.decide(.approve, clip: held, moderator: "mo", reason: "looked fine")
            try await store.decide(.banIdentity, clip: published, moderator: "mo", reason: "paid reviews")

            let entries = try await store.logEntries(from: 0, limit: 10).map { try ReviewEntry(decoding: $0.entry) }
            #expect(entries.map(\.clip) == [published, held, published])
            #expect(entries.map(\.event) == [.published, .moderated, .moderated])
            #expect(entries.map(\.isPublic) == [true, true, false])
            #expect(entries[0].score == "0.800000" && entries[0].product == "sku-1" && entries[0].verdict == .original)
            #expect(entries[2].decision == "ban-identity")
            let firstText = String(decoding: try await store.logEntries(from: 0, limit: 1)[0].entry, as: UTF8.self)
            #expect(entries[0].reviewerBinding.count == 64 && !firstText.contains("alice"))

            let ranking = try await store.publishedReviews(product: "sku-1", limit: 10)
            #expect(ranking.reviews.map(\.clipID) == [held] && ranking.reviews.first?.logIndex == 1)
            #expect(try await store.auditLog(verifier: nil).isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func theAuditFindsEveryChangeMadeBehindTheLogsBack(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let signer = try NoteSigner.generate(name: "test.example/log")
            let clip = try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.4)
            try await store.finishedClip(reviewer: "bob", product: "sku-1", score: 0.6)
            let head = try await store.logHead()
            let checkpoint = Checkpoint(origin: "test.example/log", size: head.size, root: head.root)
            try await store.saveCheckpoint(checkpoint, note: try signer.sign(checkpoint.text), verifier: signer.verifier)
            #expect(try await store.auditLog(verifier: signer.verifier).isEmpty)
            let other = try NoteSigner.generate(name: "test.example/log")
            await #expect(throws: LogError.self) { try await store.saveCheckpoint(checkpoint, note: try other.sign(checkpoint.text), verifier: other.verifier) }

            func tamper(_ sql: String) async throws {
                try await store.database.run { db in try await db.raw(SQLQueryString(sql)).run() }
            }
            try await tamper("UPDATE clips SET score = 0.99 WHERE id = \(clip)")
            #expect(try await store.auditLog(verifier: signer.verifier) == [.clipDiffers(clip: clip, field: "score")])

            try await tamper("UPDATE log_entries SET entry = REPLACE(entry, '0.400000', '0.990000') WHERE leaf_index = 0")
            let altered = try await store.auditLog(verifier: signer.verifier)
            #expect(altered.contains(.entryAltered(index: 0)) && altered.contains(.checkpointBroken(size: 2)))
            #expect(!altered.contains(.clipDiffers(clip: clip, field: "score")), "the row and the entry now agree; the tree does not")

            try await store.finishedClip(reviewer: "carol", product: "sku-1", score: 0.2, status: .flagged)
            try await tamper("UPDATE clips SET status = 'published' WHERE log_index IS NULL")
            #expect(try await store.auditLog(verifier: signer.verifier).contains { if case .clipNotLogged = $0 { true } else { false } })
        }
    }

    @Test(arguments: TestEngine.available)
    func reviewsPublishedBeforeTheLogAreLoggedOnceOnUpgrade(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            // An import writes published clips straight into the tables, as a store from before the log holds them.
            try await fixture.store.importPublishedReviews(ImportedReview.examples(count: 5, products: 2), platform: "shop")
            #expect(try await fixture.store.logSize() == 0)
            try await fixture.store.database.run { db in try await db.raw("UPDATE log_head SET backfilled = \(bind: false)").run() }

            let reopened = try await Store.open(fixture.database.location)
            #expect(try await reopened.logSize() == 5)
            #expect(try await reopened.auditLog(verifier: nil).isEmpty, "every published clip now has its entry")
            try await reopened.database.run { db in try await db.raw("UPDATE clips SET log_index = NULL").run() }
            let again = try await Store.open(fixture.database.location)
            #expect(try await again.logSize() == 5, "the backfill runs once: later unlogged clips are findings, not entries")
            #expect(try await again.auditLog(verifier: nil).count == 5)
            try await reopened.close()
            try await again.close()
        }
    }

    @Test(arguments: TestEngine.available)
    func aRingHoldIsANewEntryThatTakesTheReviewDown(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let first = try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.8)
            let second = try await store.finishedClip(reviewer: "bob", product: "sku-1", score: 0.7)
            let held = try await store.flagRing(clips: [first, second], detail: "two accounts, one camera", evidence: "{}")
            #expect(held == 2)
            let entries = try await store.logEntries(from: 0, limit: 10).map { try ReviewEntry(decoding: $0.entry) }
            #expect(entries.map(\.clip) == [first, second, first, second])
            #expect(entries.suffix(2).allSatisfy { $0.event == .held && !$0.isPublic })
            #expect(try await store.publishedReviews(product: "sku-1", limit: 10).reviews.isEmpty)
            #expect(try await store.auditLog(verifier: nil).isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func aTakedownUndoneByPointingAtAnOlderEntryIsFound(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let clip = try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.8)
            _ = try await store.decide(.reject, clip: clip, moderator: "mod", reason: "stolen footage")
            #expect(try await store.auditLog(verifier: nil).isEmpty)
            try await store.database.run { db in
                try await db.raw("UPDATE clips SET status = 'published', log_index = 0 WHERE id = \(bind: clip)").run()
            }
            #expect(try await store.auditLog(verifier: nil).contains(.clipDiffers(clip: clip, field: "log index")))
        }
    }
}
