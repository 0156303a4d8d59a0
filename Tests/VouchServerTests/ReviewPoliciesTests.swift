import Foundation
import Testing
import VouchModel
import VouchStore
import VouchTestSupport

/// The pages and routes that account for how reviews are treated: the verification page,
/// the anti-suppression report, and erasure.
@Suite struct ReviewPoliciesTests {
    static func words(_ rating: Int) -> SubmittedContent {
        SubmittedContent(review: ReviewContent(product: "sku-1", rating: rating), reviewSHA256: String(repeating: "c", count: 64))
    }

    @Test func theVerificationPageIsWrittenFromTheLiveSettings() async throws {
        try await withServer(adjust: { _, pipeline in pipeline.productSweep = 77 }) { server in
            let page = try await server.send("/how-reviews-are-verified")
            let html = String(decoding: page.body, as: UTF8.self)
            #expect(page.status == 200 && page.contentType.hasPrefix("text/html"))
            #expect(html.contains("newest 77 reviews"), "the configured sweep, not a brochure's number")
            #expect(html.contains("Originality (45%"))
            #expect(html.contains("Paid to review") && html.contains("never hidden"))
        }
    }

    @Test func platformsGetTheirOwnReportAsJSONOrCSV() async throws {
        try await withServer { server in
            let store = server.pipeline.store
            try await store.finishedClip(reviewer: "a", product: "sku-1", score: 0.9, content: Self.words(1))
            try await store.finishedClip(reviewer: "b", product: "sku-1", score: 0.2, status: .flagged, flags: [.copyOfOtherIdentity], content: Self.words(1))
            try await store.finishedClip(platform: "social", reviewer: "c", product: "sku-1", score: 0.9, content: Self.words(5))
            let auth = ["Authorization": "Bearer \(server.shop.apiKey)"]
            let json = try await server.send("/v1/reports/suppression", headers: auth)
            #expect(json.status == 200)
            let lines = try #require(json.json["byRating"] as? [[String: Any]])
            #expect(lines.count == 1 && lines[0]["rating"] as? Int == 1 && lines[0]["held"] as? Int == 1, "only the shop's own reviews")
            #expect(lines[0]["suppressedShare"] as? Double == 0.5)
            let csv = try await server.send("/v1/reports/suppression?format=csv", headers: auth)
            #expect(csv.contentType.hasPrefix("text/csv"))
            let text = String(decoding: csv.body, as: UTF8.self)
            #expect(text.contains("shop,1,flagged,copy-of-other-identity,1") && !text.contains("social"))
            #expect(try await server.send("/v1/reports/suppression?from=2026-13-01", headers: auth).status == 400)
            #expect(try await server.send("/v1/reports/suppression?format=xml", headers: auth).status == 400)
            #expect(try await server.send("/v1/reports/suppression?from=", headers: auth).status == 400)
            #expect(try await server.send("/v1/reports/suppression?from=2020-01-01&to=2026-01-01", headers: auth).status == 400)
            #expect(try await server.send("/v1/reports/suppression").status == 401)
        }
    }

    @Test func moderatorsSeeEveryPlatformsReportAndExportIt() async throws {
        try await withModeration { fixture in
            try await fixture.store.finishedClip(platform: "social", reviewer: "c", product: "sku-1", score: 0.9, content: Self.words(4))
            var browser = try await fixture.browser(loggedInAs: "mo")
            let page = try await browser.get("/moderate/reports/suppression")
            #expect(page.status == 200 && page.body.contains("4 ★") && page.body.contains("Export CSV"))
            let csv = try await browser.get("/moderate/reports/suppression?format=csv", accept: "text/csv")
            #expect(csv.contentType.hasPrefix("text/csv") && csv.body.contains("social,4,published,none,1"))
            var stranger = fixture.browser()
            #expect(try await stranger.get("/moderate/reports/suppression").status != 200)
        }
    }

    @Test func aPlatformErasesItsOwnReviewerOnly() async throws {
        try await withServer { server in
            let store = server.pipeline.store
            let clip = try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.9, content: Self.words(5))
            let foreign = try await server.send("/v1/reviewers/alice", method: "DELETE", headers: ["Authorization": "Bearer \(server.social.apiKey)"])
            #expect(foreign.status == 404 && foreign.isProblem, "another platform cannot erase the shop's reviewer")
            let erased = try await server.send("/v1/reviewers/alice", method: "DELETE", headers: ["Authorization": "Bearer \(server.shop.apiKey)"])
            #expect(erased.status == 200)
            #expect(erased.json["clips"] as? [Int] == [Int(clip)])
            let shown = try await server.send("/v1/products/sku-1/reviews")
            #expect((shown.json["reviews"] as? [Any])?.isEmpty == true)
            #expect(try await server.send("/v1/reviewers/alice", method: "DELETE", headers: ["Authorization": "Bearer \(server.shop.apiKey)"]).status == 404)
        }
    }
}
