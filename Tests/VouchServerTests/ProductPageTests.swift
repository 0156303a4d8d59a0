import Foundation
import Testing
import VouchServer
import VouchStore
import VouchTestSupport

@Suite struct ProductPageTests {
    private static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data("poster".utf8) + Data([0xFF, 0xD9])

    @Test func theProductPageRanksPublishedReviewsWithTheirParts() async throws {
        try await withServer { server in
            let store = server.pipeline.store
            let best = try await store.finishedClip(reviewer: "alice", handle: "Alice <3", product: "barista pro", productName: "Barista Pro",
                                                    score: 0.91, poster: Self.jpeg)
            try await store.finishedClip(reviewer: "bob", handle: "Bob", product: "barista pro", score: 0.42)
            try await store.finishedClip(reviewer: "carol", handle: "Carol", product: "barista pro", score: 0.99, status: .flagged,
                                         flags: [.copyOfOtherIdentity], poster: Self.jpeg)

            let page = try await server.send("/products/barista%20pro")
            #expect(page.status == 200 && page.contentType.hasPrefix("text/html"))
            let html = String(decoding: page.body, as: UTF8.self)
            #expect(html.contains("<h1>Reviews of Barista Pro</h1>"))
            let alice = try #require(html.range(of: "Alice &lt;3"), "handles are escaped")
            let bob = try #require(html.range(of: "Bob"))
            #expect(alice.lowerBound < bob.lowerBound, "best first")
            #expect(html.contains("91%") && html.contains("42%"))
            #expect(html.contains("Identity assurance") && html.contains("60%") && html.contains("Reviewer trust") && html.contains("25%"))
            #expect(!html.contains("Carol") && !html.contains("99%"), "a flagged clip never appears")
            #expect(html.contains("/products/barista%20pro/clips/\(best)/poster.jpg"))
            #expect(html.contains("entry 0 of the review log") && html.contains("entry 1 of the review log"))
            #expect(page.header("Content-Security-Policy")?.contains("default-src 'none'") == true)

            let landing = String(decoding: try await server.send("/").body, as: UTF8.self)
            #expect(landing.contains("href=\"/products/barista%20pro\"") && landing.contains("Barista Pro")
                    && landing.contains("2 published reviews"))
        }
    }

    @Test func aDemoShopperCanBeViewedAsAndNobodyElse() async throws {
        try await withServer(adjust: { server, _ in server.demoShoppers = [DemoShopper(platform: "shop", account: "dana")] }) { server in
            let store = server.pipeline.store
            try await store.finishedClip(reviewer: "zoe", handle: "Zoe", product: "sku-1", score: 0.9)
            try await store.finishedClip(reviewer: "rita", handle: "Rita", product: "sku-1", score: 0.3)
            try await store.addEdges([AccountEdge(from: "dana", to: "rita", kind: "follows"), AccountEdge(from: "eli", to: "zoe", kind: "follows")],
                                     platform: "shop")
            let anyone = String(decoding: try await server.send("/products/sku-1").body, as: UTF8.self)
            #expect(anyone.contains("href=\"/products/sku-1?as=shop:dana\""), "the page offers the demo shopper")
            #expect(!anyone.contains("you follow this reviewer"))
            let dana = String(decoding: try await server.send("/products/sku-1?as=shop:dana").body, as: UTF8.self)
            #expect(dana.contains("you follow this reviewer"))
            let rita = try #require(dana.range(of: "Rita")), zoe = try #require(dana.range(of: "Zoe"))
            #expect(rita.lowerBound < zoe.lowerBound, "the reviewer dana follows comes first")
            let eli = try await server.send("/products/sku-1?as=shop:eli")
            #expect(eli.status == 400, "only the configured demo shoppers can be viewed as")
        }
    }

    @Test func postersAreServedOnlyForPublishedReviewsOfTheirProduct() async throws {
        try await withServer { server in
            let store = server.pipeline.store
            let published = try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.8, poster: Self.jpeg)
            let flagged = try await store.finishedClip(reviewer: "carol", product: "sku-1", score: 0.9, status: .flagged, poster: Self.jpeg)

            let poster = try await server.send("/products/sku-1/clips/\(published)/poster.jpg")
            #expect(poster.status == 200 && poster.contentType == "image/jpeg" && poster.body == Self.jpeg)
            for path in ["/products/sku-1/clips/\(flagged)/poster.jpg", "/products/sku-2/clips/\(published)/poster.jpg",
                         "/products/sku-1/clips/9999/poster.jpg", "/products/sku-1/clips/one/poster.jpg"] {
                let refused = try await server.send(path)
                #expect(refused.status == 404 && refused.isProblem, "\(path)")
            }
        }
    }

    @Test func theCursorLeadsToTheNextPageAndABadOneIsAProblem() async throws {
        try await withServer { server in
            for number in 0..<25 {
                try await server.pipeline.store.finishedClip(reviewer: "r\(number)", handle: "reviewer-\(number)", product: "sku-1",
                                                             score: Double(number) / 100)
            }
            let first = String(decoding: try await server.send("/products/sku-1").body, as: UTF8.self)
            #expect(first.contains("reviewer-24") && !first.contains("reviewer-4<"))
            let link = try #require(first.firstMatch(of: /href="(\/products\/sku-1\?cursor=[^"]+)"/)?.1)
            let second = String(decoding: try await server.send(String(link)).body, as: UTF8.self)
            #expect(second.contains("reviewer-4<") && second.contains("reviewer-0<") && !second.contains("reviewer-24"))
            #expect(!second.contains("rel=\"next\""))

            let bad = try await server.send("/products/sku-1?cursor=nonsense")
            #expect(bad.status == 400 && bad.isProblem)
            let empty = String(decoding: try await server.send("/products/nothing-here").body, as: UTF8.self)
            #expect(empty.contains("No published reviews of this product yet."))
        }
    }
}
