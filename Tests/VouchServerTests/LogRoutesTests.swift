import Foundation
import Logging
import Testing
import VouchLog
import VouchPipeline
import VouchStore
import VouchTestSupport

@Suite struct LogRoutesTests {
    @Test func checkpointsProofsAndEntriesProveWhatTheRankingShows() async throws {
        try await withServer { server in
            let store = server.pipeline.store
            #expect(try await server.send("/v1/log/checkpoint").status == 404)
            let first = try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.9)
            try await store.finishedClip(reviewer: "bob", product: "sku-2", score: 0.5)
            let signer = try NoteSigner.generate(name: "test.example/reviews")
            let signing = CheckpointSigner(store: store, signer: signer, origin: "test.example/reviews", logger: Logger(label: "test"))
            let early = try #require(try await signing.signIfGrown())
            #expect(try await signing.signIfGrown() == nil, "nothing new, nothing signed")
            try await store.finishedClip(reviewer: "carol", product: "sku-1", score: 0.7)
            try await signing.signIfGrown()

            let note = try await server.send("/v1/log/checkpoint")
            #expect(note.status == 200 && note.contentType.hasPrefix("text/plain"))
            let checkpoint = try Checkpoint(note: String(decoding: note.body, as: UTF8.self), verifier: signer.verifier)
            #expect(checkpoint.size == 3)
            #expect(String(decoding: try await server.send("/v1/log/key").body, as: UTF8.self) == signer.verifier.encoded + "\n")

            let reviews = try #require(try await server.send("/v1/products/sku-1/reviews").json["reviews"] as? [[String: Any]])
            let shown = try #require(reviews.first { $0["clip"] as? Int == Int(first) })
            let index = try #require(shown["logIndex"] as? Int)
            let entries = try #require(try await server.send("/v1/log/entries?start=\(index)&limit=1").json["entries"] as? [[String: Any]])
            let text = try #require(entries.first?["entry"] as? String)
            #expect(try ReviewEntry(decoding: Data(text.utf8)).score == "0.900000")
            let proof = try await server.send("/v1/log/proofs/inclusion?index=\(index)&treeSize=3")
            let hashes = try #require(proof.json["hashes"] as? [String]).compactMap(TreeHash.init(base64:))
            #expect(InclusionProof(leafIndex: Int64(index), treeSize: 3, hashes: hashes).verify(leaf: .leaf(Data(text.utf8)), root: checkpoint.root))

            let consistency = try await server.send("/v1/log/proofs/consistency?from=\(early.size)&to=3")
            let path = try #require(consistency.json["hashes"] as? [String]).compactMap(TreeHash.init(base64:))
            #expect(ConsistencyProof(oldSize: early.size, newSize: 3, hashes: path).verify(oldRoot: early.root, newRoot: checkpoint.root))
        }
    }

    @Test func malformedProofRequestsAre400AndProofsOutsideTheLog404() async throws {
        try await withServer { server in
            try await server.pipeline.store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.9)
            for path in ["/v1/log/proofs/inclusion?index=0", "/v1/log/proofs/inclusion?index=-1&treeSize=1",
                         "/v1/log/proofs/consistency?from=0&to=1", "/v1/log/entries?start=x", "/v1/log/entries?start=0&limit=5000"] {
                let answer = try await server.send(path)
                #expect(answer.status == 400 && answer.isProblem, "\(path)")
            }
            for path in ["/v1/log/proofs/inclusion?index=1&treeSize=1", "/v1/log/proofs/inclusion?index=0&treeSize=5",
                         "/v1/log/proofs/consistency?from=2&to=1", "/v1/log/proofs/inclusion?index=0&treeSize=9223372036854775806"] {
                let answer = try await server.send(path)
                #expect(answer.status == 404 && answer.isProblem && answer.json["type"] as? String != nil, "\(path)")
            }
            let far = try await server.send("/v1/log/entries?start=9223372036854775806&limit=100")
            #expect(far.status == 200 && (far.json["entries"] as? [Any])?.isEmpty == true, "no overflow at the end of Int64")
            #expect(try await server.send("/v1/log/key").status == 404)
        }
    }
}
