import Foundation
import SQLKit
import Testing
import VouchModel
import VouchStore
import VouchTestSupport

/// Explanations are kept as JSON text: rows written before the document had a type must read
/// through the store as they did, and a row that holds no explanation at all is a corrupt record.
@Suite struct StoredExplanationTests {
    /// A clip row's `explanation` exactly as the pipeline wrote it before `ScoreExplanation`
    /// existed, with a verdict and a flag kind the types learnt of later.
    static let written = #"{"flags":["copy-of-other-identity","watermark-found"],"matches":[{"clipID":4,"kind":"other-identity","queryCoverage":0.94,"score":0.9}],"#
        + #""score":{"identityAssurance":0.6,"originality":0.06,"reviewerTrust":0.25,"score":0.3},"verdict":"copy"}"#

    @Test(arguments: TestEngine.available)
    func aRowWrittenByTheOldFormatReadsThroughTheStore(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let clip = try await fixture.store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.3)
            try await fixture.store.database.run { db in
                try await db.update("clips").set("explanation", to: SQLBind(Self.written)).set("verdict", to: SQLBind("copy"))
                    .where("id", .equal, clip).run()
            }
            let record = try #require(try await fixture.store.clip(id: clip))
            let explanation = try #require(record.explanation)
            #expect(record.verdict == .copy && explanation.verdict == .copy)
            #expect(explanation.flags == [.copyOfOtherIdentity, .unknown("watermark-found")])
            #expect(explanation.matches == [MatchEvidence(clipID: 4, kind: .otherIdentity, score: 0.9, queryCoverage: 0.94)])
            #expect(explanation.parts == ScoreParts(score: 0.3, identityAssurance: 0.6, originality: 0.06, reviewerTrust: 0.25))
            let shown = try await fixture.store.publishedReviews(product: "sku-1", limit: 1).reviews.first?.explanation
            #expect(shown == explanation)
        }
    }

    @Test(arguments: TestEngine.available)
    func textThatIsNoExplanationIsACorruptRecord(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let clip = try await fixture.store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.3)
            try await fixture.store.database.run { db in
                try await db.update("clips").set("explanation", to: SQLBind(#"{"verdict":"copy"}"#)).where("id", .equal, clip).run()
            }
            await #expect(throws: StoreError.self) { try await fixture.store.clip(id: clip) }
        }
    }
}
