import Foundation
import Logging
import SQLKit
import Testing
import VouchLog
import VouchPipeline
import VouchStore
import VouchTestSupport

/// Security: the checkpoint signer signs only a log that extends what it signed before.
@Suite struct CheckpointSignerTests {
    private static let origin = "test.example/reviews"

    /// What someone with write access to the database but no key can do: empty the log's
    /// tables and append a rewritten history, so the tree is self-consistent but different.
    private func rewriteHistory(_ store: Store, keepingCheckpoints: Bool) async throws {
        let entries = try await store.logEntries(from: 0, limit: 100).map(\.entry)
        let forged = Data(String(decoding: entries[0], as: UTF8.self).replacingOccurrences(of: "0.400000", with: "0.990000").utf8)
        #expect(forged != entries[0])
        try await store.database.run { db in
            for table in ["log_entries", "log_tiles", "log_nodes"] + (keepingCheckpoints ? [] : ["log_checkpoints"]) {
                try await db.raw("DELETE FROM \(unsafeRaw: table)").run()
            }
            try await db.raw("UPDATE log_head SET size = 0 WHERE id = 1").run()
        }
        _ = try await store.appendToLog([forged] + entries.dropFirst() + [Data(#"{"forged":"entry"}"#.utf8)])
    }

    @Test(arguments: TestEngine.available, [true, false])
    func aHistoryRewrittenInTheDatabaseIsNeverSigned(_ engine: TestEngine, keepingCheckpoints: Bool) async throws {
        try await withPipeline(engine) { fixture in
            let store = fixture.pipeline.store
            try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.4)
            try await store.finishedClip(reviewer: "bob", product: "sku-1", score: 0.6)
            let key = try NoteSigner.generate(name: Self.origin)
            let signer = CheckpointSigner(store: store, signer: key, origin: Self.origin, logger: Logger(label: "test"))
            #expect(try await signer.signIfGrown()?.size == 2)

            let attacker = try await Store.open(fixture.database.location)
            try await rewriteHistory(attacker, keepingCheckpoints: keepingCheckpoints)
            try await attacker.close()
            await #expect(throws: LogError.notAnExtension(signed: 2, head: 3)) { try await signer.signIfGrown() }
            #expect(try await store.latestCheckpoint()?.size ?? 0 <= 2, "nothing past the honest checkpoint was signed")

            // A signer started afterwards checks against the stored checkpoint, if one is left.
            if keepingCheckpoints {
                let restarted = CheckpointSigner(store: store, signer: key, origin: Self.origin, logger: Logger(label: "test"))
                await #expect(throws: LogError.notAnExtension(signed: 2, head: 3)) { try await restarted.signIfGrown() }
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func aCheckpointWrittenWithoutTheKeyIsRefused(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            let store = fixture.pipeline.store
            try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.4)
            let key = try NoteSigner.generate(name: Self.origin)
            let signer = CheckpointSigner(store: store, signer: key, origin: Self.origin, logger: Logger(label: "test"))
            try await signer.signIfGrown()
            try await store.finishedClip(reviewer: "bob", product: "sku-1", score: 0.6)
            try await store.database.run { db in
                try await db.raw("UPDATE log_checkpoints SET tree_size = 5, note = REPLACE(note, '\n1\n', '\n5\n')").run()
            }
            let fresh = CheckpointSigner(store: store, signer: key, origin: Self.origin, logger: Logger(label: "test"))
            await #expect(throws: LogError.unsignedCheckpoint(size: 5)) { try await fresh.signIfGrown() }
        }
    }

    @Test(arguments: TestEngine.available)
    func anHonestLogKeepsBeingSignedAsItGrows(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            let store = fixture.pipeline.store
            let key = try NoteSigner.generate(name: Self.origin)
            let signer = CheckpointSigner(store: store, signer: key, origin: Self.origin, logger: Logger(label: "test"))
            for size in 1...4 {
                try await store.finishedClip(reviewer: "r\(size)", product: "sku-1", score: 0.5)
                #expect(try await signer.signIfGrown()?.size == Int64(size))
            }
            let restarted = CheckpointSigner(store: store, signer: key, origin: Self.origin, logger: Logger(label: "test"))
            try await store.finishedClip(reviewer: "r5", product: "sku-1", score: 0.5)
            #expect(try await restarted.signIfGrown()?.size == 5)
        }
    }
}
