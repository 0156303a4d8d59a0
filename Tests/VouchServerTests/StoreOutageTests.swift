import Foundation
import Testing
import VouchIdentity
import VouchTestSupport

/// Scale-out: while the database is down, the API says so (503 and when to retry), never
/// blames the client, and recovers by itself when the database is back.
@Suite(.serialized) struct StoreOutageTests {
    @Test(.enabled(if: TestEngine.available.contains(.postgres), "needs PostgreSQL installed"))
    func aDatabaseOutageIs503AndTheAPIRecovers() async throws {
        let postgres = try #require(try PrivatePostgres())
        defer { postgres.remove() }
        try await withServer(store: .postgres(url: postgres.url)) { server in
            let first = try await server.upload(Data("before the outage".utf8), as: server.shop)
            #expect(first.status == 202)
            let id = try #require(first.json["id"] as? Int)

            try postgres.stop()
            let upload = try await server.upload(Data("during the outage".utf8), as: server.shop)
            #expect(upload.status == 503 && upload.isProblem, "\(upload.status) \(upload.json)")
            #expect(upload.header("Retry-After") != nil)
            #expect((upload.json["detail"] as? String)?.contains("already used") == false, "a store error is not a replay")
            let status = try await server.send("/v1/clips/\(id)", headers: ["Authorization": "Bearer \(server.shop.apiKey)"])
            #expect(status.status == 503 && status.isProblem)
            #expect(try await server.send("/v1/products/sku-1/reviews").status == 503)

            try postgres.start()
            var recovered = 0
            for _ in 0..<40 where recovered != 202 {
                recovered = try await server.upload(Data("after the outage".utf8), as: server.shop).status
                if recovered != 202 { try await Task.sleep(for: .milliseconds(250)) }
            }
            #expect(recovered == 202, "the API recovers without a restart")
        }
    }
}
