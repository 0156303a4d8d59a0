import Foundation
import SQLKit
import Testing
import VouchModel
import VouchStore
import VouchTestSupport

/// Records decode from rows with SQLKit's `Codable` support: times from integer milliseconds,
/// JSON columns from their text, and a value that names nothing known is a corrupt record.
@Suite struct StoredRecordTests {
    @Test(arguments: TestEngine.available)
    func aClipReadsBackAsItWasWritten(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            fixture.clock.advance(by: 0.25)
            let id = try await fixture.store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.4, status: .flagged, flags: [.ring])
            let clip = try #require(try await fixture.store.clip(id: id))
            #expect(clip.status == .flagged && clip.verdict == .original && clip.score == 0.4 && !clip.isReference)
            #expect(clip.explanation?.flags == [.ring] && clip.contentSHA256 == String(repeating: "0", count: 64))
            #expect(clip.createdAt == fixture.clock.now() && clip.updatedAt == fixture.clock.now())
            let reviewer = try #require(try await fixture.store.reviewer(id: clip.reviewerID))
            #expect(reviewer.account == "alice" && reviewer.platformID == "shop" && reviewer.accountCreatedAt == nil)
        }
    }

    @Test(arguments: TestEngine.available)
    func aStatusThatNamesNoStatusIsACorruptRecord(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let id = try await fixture.store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.4)
            try await fixture.store.database.run { db in
                try await db.update("clips").set("status", to: SQLBind("mislaid")).where("id", .equal, id).run()
            }
            await #expect(throws: StoreError.self) { try await fixture.store.clip(id: id) }
        }
    }
}
