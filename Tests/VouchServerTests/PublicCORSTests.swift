import Foundation
import Testing
import VouchStore
import VouchTestSupport

@Suite struct PublicCORSTests {
    @Test func theShopperSurfaceIsReadableFromAnyOriginWithAViewerHeader() async throws {
        try await withServer { server in
            let clip = try await server.pipeline.store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.9)
            try await MediaRoutesTests.attach(MediaRoutesTests.video, key: "renditions/abc.mp4", column: "rendition_key", to: clip, server: server)
            let shop = ["Origin": "https://shop.example"]
            for path in ["/widget.js", "/v1/products/sku-1/reviews", "/v1/products/sku-1/summary", "/v1/products/sku-1/structured-data",
                         "/media/renditions/abc.mp4"] {
                let answer = try await server.send(path, headers: shop)
                #expect(answer.status == 200, "\(path)")
                #expect(answer.header("Access-Control-Allow-Origin") == "*", "\(path)")
                #expect(answer.header("Access-Control-Allow-Credentials") == nil, "never with credentials: \(path)")
                #expect(answer.header("Cross-Origin-Resource-Policy") == "cross-origin", "\(path)")
            }
            let missing = try await server.send("/v1/products/sku-1/reviews?limit=0", headers: shop)
            #expect(missing.status == 400 && missing.header("Access-Control-Allow-Origin") == "*", "a widget can read the problem too")
            let noLogYet = try await server.send("/v1/log/checkpoint", headers: shop)
            #expect(noLogYet.status == 404 && noLogYet.header("Access-Control-Allow-Origin") == "*")

            let preflight = try await server.send("/v1/products/sku-1/reviews", method: "OPTIONS",
                                                  headers: shop.merging(["Access-Control-Request-Method": "GET",
                                                                         "Access-Control-Request-Headers": "vouch-viewer"]) { $1 })
            #expect(preflight.status == 204)
            #expect(preflight.header("Access-Control-Allow-Headers")?.contains("Vouch-Viewer") == true)
            #expect(preflight.header("Access-Control-Allow-Methods") == "GET, HEAD")
        }
    }

    @Test func thePlatformAPIAndTheModeratorUIStayClosedToOtherOrigins() async throws {
        try await withServer { server in
            let shop = ["Origin": "https://evil.example", "Authorization": "Bearer \(server.shop.apiKey)"]
            for path in ["/v1/clips/1", "/v1/syndication", "/v1/catalog/sku-1", "/moderate", "/moderate/media/renditions/abc.mp4", "/products/sku-1"] {
                let answer = try await server.send(path, headers: shop)
                #expect(answer.header("Access-Control-Allow-Origin") == nil, "\(path) answered \(answer.status) with CORS")
            }
            let preflight = try await server.send("/v1/syndication", method: "OPTIONS",
                                                  headers: ["Origin": "https://evil.example", "Access-Control-Request-Method": "PUT"])
            #expect(preflight.header("Access-Control-Allow-Origin") == nil, "no preflight lets another origin write")
        }
    }

    @Test func theWidgetScriptIsServedAsAModule() async throws {
        try await withServer { server in
            let answer = try await server.send("/widget.js")
            #expect(answer.contentType.hasPrefix("text/javascript"))
            let script = String(decoding: answer.body, as: UTF8.self)
            #expect(script.contains("customElements.define"), "the script defines the <vouch-reviews> element")
            #expect(!script.contains("eval(") && !script.contains("new Function"), "nothing a strict host CSP would block")
        }
    }
}
