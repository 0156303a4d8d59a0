import Foundation
import SQLKit
import Testing
import VouchLog
import VouchModel
import VouchStore
import VouchTestSupport

@Suite struct ErasureTests {
    static func words(_ rating: Int) -> SubmittedContent {
        SubmittedContent(review: ReviewContent(product: "sku-1", rating: rating, title: "Mine", text: "Personal words"),
                         reviewSHA256: String(repeating: "b", count: 64))
    }

    @Test(arguments: TestEngine.available)
    func erasingAReviewerRemovesTheirWordsAndBindingAndKeepsTheLogWhole(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            try await store.register(platform: "social", name: "Social")
            let mine = try await store.finishedClip(reviewer: "alice", handle: "Alice", product: "sku-1", score: 0.8, content: Self.words(5))
            let namesake = try await store.finishedClip(platform: "social", reviewer: "alice", product: "sku-1", score: 0.7, content: Self.words(2))
            try await store.addEdges([AccountEdge(from: "bob", to: "alice", kind: "follows")], platform: "shop")
            let logBefore = try await store.logSize()

            let erasure = try await store.eraseReviewer(platform: "shop", account: "alice", by: "platform:shop")
            #expect(erasure.clips == [mine])
            #expect(try await store.clip(id: mine)?.status == .erased)
            let shown = try await store.publishedReviews(product: "sku-1", limit: 10).reviews.map(\.clipID)
            #expect(shown == [namesake], "the other platform's alice is untouched")

            let row = try #require(try await store.database.run { db in
                try await db.raw("""
                    SELECT c.rating, c.title, c.review_text, r.handle, r.account, r.binding_salt FROM clips c JOIN reviewers r ON r.id = c.reviewer_id
                    WHERE c.id = \(bind: mine)
                    """).first()
            })
            #expect(try row.decode(column: "rating", as: Int?.self) == nil)
            #expect(try row.decode(column: "review_text", as: String?.self) == nil)
            #expect(try row.decode(column: "handle", as: String?.self) == nil)
            #expect(try row.decode(column: "binding_salt", as: Data?.self) == nil)
            #expect(try row.decode(column: "account", as: String.self) != "alice")
            let edges = try await store.database.run { db in
                try await db.raw("SELECT COUNT(*) AS n FROM social_edges WHERE platform_id = 'shop'").first()?.decode(column: "n", as: Int.self) ?? -1
            }
            #expect(edges == 0)

            #expect(try await store.logSize() == logBefore + 1, "one entry records the erasure; none is removed")
            let last = try #require(try await store.logEntries(from: logBefore, limit: 1).first)
            let entry = try ReviewEntry(decoding: last.entry)
            #expect(entry.clip == mine && entry.status == .erased && entry.decision == "erased" && !entry.isPublic)
            #expect(entry.wordsSHA256 == nil && entry.reviewSHA256 == nil, "the erasure's entry names no words")
            #expect(try await store.ratingSummary(product: "sku-1").rated == 1)
            await #expect(throws: StoreError.self) { try await store.eraseReviewer(platform: "shop", account: "alice", by: "platform:shop") }
        }
    }
}

@Suite struct MediaReleaseTests {
    @Test(arguments: TestEngine.available)
    func aRejectedCopyNeverDeletesTheMediaOfTheClipItCopied(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let original = try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.9)
            let copy = try await store.finishedClip(reviewer: "mallory", product: "sku-1", score: 0.1)
            try await store.database.run { db in
                try await db.update("clips").set("original_key", to: SQLBind("originals/same")).set("rendition_key", to: SQLBind("renditions/same.mp4"))
                    .set("poster_key", to: SQLBind("posters/same.jpg")).run()
                try await db.update("clips").set("rendition_key", to: SQLBind("renditions/mine.mp4")).where("id", .equal, copy).run()
            }
            #expect(try await store.isPublicMedia("renditions/same.mp4"))
            #expect(try await store.releasableMedia(keepRejectedOriginals: false, limit: 10).isEmpty, "nothing is released while both are live")

            _ = try await store.decide(.reject, clip: copy, moderator: "mo", reason: "copy")
            #expect(!(try await store.isPublicMedia("renditions/mine.mp4")), "the rejected clip's media is not public from the moment it is rejected")
            #expect(try await store.isModeratedMedia("renditions/mine.mp4"), "moderators still see it until it is deleted")
            let released = try #require(try await store.releasableMedia(keepRejectedOriginals: false, limit: 10).first)
            #expect(released.clip == copy)
            #expect(Set(released.deletable) == ["renditions/mine.mp4"], "the shared original and poster stay: the original clip uses them")
            try await store.forgetMedia(released.keys, of: copy)
            #expect(try await store.media(clip: copy) == nil)
            #expect(try await store.media(clip: original)?.renditionKey == "renditions/same.mp4")
            #expect(try await store.releasableMedia(keepRejectedOriginals: false, limit: 10).isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func retentionKeepsARejectedOriginalButNotAnErasedOne(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let rejected = try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.9)
            let erased = try await store.finishedClip(reviewer: "bob", product: "sku-1", score: 0.9)
            try await store.database.run { db in
                for clip in [rejected, erased] {
                    try await db.update("clips").set("original_key", to: SQLBind("originals/\(clip)")).set("rendition_key", to: SQLBind("renditions/\(clip).mp4"))
                        .where("id", .equal, clip).run()
                }
            }
            _ = try await store.decide(.reject, clip: rejected, moderator: "mo", reason: "no")
            _ = try await store.eraseReviewer(platform: "shop", account: "bob", by: "test")
            let released = try await store.releasableMedia(keepRejectedOriginals: true, limit: 10)
            #expect(released.first { $0.clip == rejected }?.keys == ["renditions/\(rejected).mp4"])
            #expect(Set(released.first { $0.clip == erased }?.keys ?? []) == ["originals/\(erased)", "renditions/\(erased).mp4"])
        }
    }
}

@Suite struct SuppressionReportTests {
    @Test(arguments: TestEngine.available)
    func countsOutcomesByRatingAndReason(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let start = store.clock.now()
            for (rating, status, flags) in [(5, ClipStatus.published, [FlagKind]()), (5, .published, []), (1, .published, []),
                                             (1, .flagged, [.copyOfOtherIdentity]), (1, .flagged, [.copyOfOtherIdentity, .ring])] {
                try await store.finishedClip(reviewer: "r\(UUID())", product: "sku-1", score: 0.5, status: status, flags: flags,
                                             content: ErasureTests.words(rating))
            }
            let taken = try await store.finishedClip(reviewer: "t", product: "sku-1", score: 0.5, content: ErasureTests.words(2))
            _ = try await store.decide(.reject, clip: taken, moderator: "mo", reason: "spam")
            let report = try await store.suppressionReport(from: start.addingTimeInterval(-60), to: start.addingTimeInterval(3600))
            let one = try #require(report.byRating.first { $0.rating == 1 })
            #expect(one.published == 1 && one.held == 2 && one.rejected == 0)
            #expect(abs(one.suppressedShare - 2.0 / 3) < 1e-12)
            #expect(report.byRating.first { $0.rating == 5 }?.suppressedShare == 0)
            #expect(report.byRating.first { $0.rating == 2 }?.rejected == 1)
            let copies = report.rows.first { $0.rating == 1 && $0.outcome == .flagged && $0.reason == "copy-of-other-identity" }
            #expect(copies?.clips == 2, "a clip with two flags counts under each")
            #expect(report.rows.contains { $0.rating == 2 && $0.outcome == .rejected && $0.reason == "none" })
            #expect(report.csv.hasPrefix("platform,rating,outcome,reason,clips\r\nshop,"))
            let otherPlatform = try await store.suppressionReport(from: start.addingTimeInterval(-60), to: Date().addingTimeInterval(60), platform: "social")
            #expect(otherPlatform.rows.isEmpty)
            let earlier = try await store.suppressionReport(from: start.addingTimeInterval(-7200), to: start.addingTimeInterval(-3600))
            #expect(earlier.rows.isEmpty, "clips outside the period are not counted")
        }
    }

    @Test func csvFieldsCannotBecomeFormulasOrBreakRows() {
        let report = SuppressionReport(from: Date(), to: Date(), rows: [
            .init(platform: "=HYPERLINK(\"x\")", rating: 3, outcome: .rejected, reason: "a,b", clips: 1),
        ], byRating: [])
        #expect(report.csv.contains("\"'=HYPERLINK(\"\"x\"\")\",3,rejected,\"a,b\",1"))
    }
}
