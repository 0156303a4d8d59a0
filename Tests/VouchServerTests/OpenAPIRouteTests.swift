import Foundation
import Testing
import VouchTestSupport

@Suite struct OpenAPIRouteTests {
    /// The document, found from this file's place in the repository (`Docs/openapi.json`
    /// links to it).
    static let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/VouchServer/Resources/openapi.json")

    @Test func theServedDocumentIsTheSourceByteForByte() async throws {
        try await withServer { server in
            let served = try await server.send("/openapi.json")
            #expect(served.status == 200)
            #expect(served.contentType.hasPrefix("application/json"))
            #expect(served.body == (try Data(contentsOf: Self.source)))
            #expect(served.json["openapi"] as? String == "3.1.0")
        }
    }

    /// The document and the router agree, route for route: every machine-facing route the
    /// router serves is documented, and nothing documented is missing from the router. The
    /// HTML pages (`/`, `/products/…`, `/moderate/…`, `/how-…`) are for people, not in the document.
    @Test func theDocumentCoversEveryRoute() async throws {
        let spec = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.source)) as? [String: Any])
        let paths = try #require(spec["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
        try await withServer { server in
            let served = Set(server.service.router().routes.map { "\($0.method.rawValue.lowercased()) \($0.path.description)" })
            let pages = served.filter { route in
                let path = route.split(separator: " ")[1]
                return !["/v1/", "/media/", "/healthz", "/readyz", "/metrics", "/openapi.json", "/docs"].contains { path.hasPrefix($0) }
            }
            #expect(served.subtracting(pages) == documented)
            #expect(!pages.isEmpty && pages.allSatisfy { !$0.contains("/v1/") })
        }
    }

    @Test func theDocsPageListsTheRoutesWithoutScripts() async throws {
        try await withServer { server in
            let page = try await server.send("/docs")
            let html = String(decoding: page.body, as: UTF8.self)
            #expect(page.status == 200 && page.contentType.hasPrefix("text/html"))
            #expect(html.contains("GET /v1/products/{id}/reviews"))
            #expect(!html.contains("<script"))
        }
    }

    /// Over a socket: metrics answer loopback clients only.
    @Test func metricsCountRequestsAndShowTheQueue() async throws {
        try await withServer(.socket) { server in
            _ = try await server.send("/healthz")
            try await server.pipeline.store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.5)
            let metrics = try await server.send("/metrics")
            let text = String(decoding: metrics.body, as: UTF8.self)
            #expect(metrics.status == 200 && metrics.contentType.hasPrefix("text/plain"))
            #expect(text.contains(#"hb_requests{http_route="/healthz""#))
            #expect(text.contains("http_server_request_duration"))
            #expect(text.contains(#"vouch_jobs{state="done"} 1"#))
            #expect(text.contains("vouch_webhook_deliveries_pending 0"))
        }
    }
}
