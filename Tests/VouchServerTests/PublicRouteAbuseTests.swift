import Foundation
import Testing
import VouchPipeline
import VouchStore
import VouchTestSupport
@testable import VouchServer
#if canImport(Glibc)
import Glibc
#endif

/// Security: what an anonymous client can do to the public routes, tried.
@Suite struct PublicRouteAbuseTests {
    @Test func madeUpCursorsAreRefusedAndIssuedOnesWork() async throws {
        try await withServer { server in
            for reviewer in ["alice", "bob", "carol"] { try await server.pipeline.store.finishedClip(reviewer: reviewer, product: "sku-1", score: 0.5) }
            let first = try await server.send("/v1/products/sku-1/reviews?limit=1")
            let cursor = try #require(first.json["nextCursor"] as? String)
            let next = try await server.send("/v1/products/sku-1/reviews?limit=1&cursor=\(cursor)")
            #expect(next.status == 200)
            for forged in ["3fe0000000000000-1", "3fe0000000000000-999999", String(cursor.dropLast(2)) + "AA"] {
                let answer = try await server.send("/v1/products/sku-1/reviews?limit=1&cursor=\(forged)")
                #expect(answer.status == 400 && answer.isProblem, "cursor \(forged)")
            }
        }
    }

    @Test func lengthsAreCountedAsTheDocumentCountsThem() async throws {
        try await withServer { server in
            // 100 letters each with three combining marks: 100 characters to Swift, 400 code points to JSON Schema.
            let zalgo = String(repeating: "a\u{0301}\u{0316}\u{0323}", count: 100)
            let path = "/v1/products/\(zalgo.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)/reviews"
            let answer = try await server.send(path)
            #expect(answer.status == 400 && answer.isProblem, "maxLength 200 counts code points")
        }
    }

    @Test func forwardedHeadersFromAnUntrustedPeerChooseNoBucket() async throws {
        try await withServer(.socket, adjust: { server, _ in
            server.rateLimit.requestsPerSecond = 0.01
            server.rateLimit.burst = 3
        }) { server in
            var statuses: [Int] = []
            for client in 0..<4 {
                statuses.append(try await server.send("/v1/products/sku-1/reviews", headers: ["X-Forwarded-For": "198.51.100.\(client)"]).status)
            }
            #expect(statuses == [200, 200, 200, 429], "the peer, not the header, is the client")
        }
    }

    @Test func behindATrustedProxyEachForwardedClientHasItsOwnBucket() async throws {
        try await withServer(.socket, adjust: { server, _ in
            server.rateLimit.requestsPerSecond = 0.01
            server.rateLimit.burst = 3
            server.trustedProxies = ["127.0.0.0/8", "::1"]
        }) { server in
            for client in 0..<6 {
                let answer = try await server.send("/v1/products/sku-1/reviews", headers: ["X-Forwarded-For": "198.51.100.\(client)"])
                #expect(answer.status == 200, "client \(client) has a bucket of its own")
            }
            var statuses: [Int] = []
            for _ in 0..<4 {
                // The client wrote the left entry itself; the proxy appended the address it saw.
                statuses.append(try await server.send("/v1/products/sku-1/reviews", headers: ["X-Forwarded-For": "10.9.9.\(statuses.count), 203.0.113.5"]).status)
            }
            #expect(statuses == [200, 200, 200, 429], "a spoofed left entry does not escape the bucket")
        }
    }

    /// A flood of forged viewer tokens is refused by the rate limit before any signature is
    /// checked: the client's bucket empties whatever the tokens say.
    @Test func forgedViewerTokensAreRateLimitedBeforeTheyAreVerified() async throws {
        try await withServer(adjust: { server, _ in
            server.rateLimit.requestsPerSecond = 0.01
            server.rateLimit.burst = 3
        }) { server in
            var statuses: [Int] = []
            for attempt in 0..<5 {
                statuses.append(try await server.send("/v1/products/sku-1/reviews", headers: ["Vouch-Viewer": "forged.\(attempt).token"]).status)
            }
            #expect(statuses == [401, 401, 401, 429, 429])
        }
    }

    /// Every public route that can reach the store shares the client's bucket, the landing
    /// page, readiness and metrics included; what is served from memory is not limited.
    @Test func everyPublicRouteIsRateLimited() async throws {
        try await withServer(.socket, adjust: { server, _ in
            server.rateLimit.requestsPerSecond = 0.01
            server.rateLimit.burst = 4
        }) { server in
            var statuses: [Int] = []
            for path in ["/", "/readyz", "/metrics", "/v1/log/entries?start=0", "/products/sku-1"] {
                statuses.append(try await server.send(path).status)
            }
            #expect(statuses == [200, 200, 200, 200, 429])
            for path in ["/healthz", "/static/vouch.css", "/openapi.json", "/docs"] {
                #expect(try await server.send(path).status == 200, "\(path) is not limited")
            }
        }
    }

    @Test func ipv6ClientsShareABucketPer64() {
        let middleware = ClientAddressMiddleware(trustedProxies: [IPNetwork("10.0.0.0/8")!])
        #expect(RateLimiter.bucket(for: "2001:db8:1:2::1") == RateLimiter.bucket(for: "2001:db8:1:2:ffff:eeee:dddd:cccc"))
        #expect(RateLimiter.bucket(for: "2001:db8:1:2::1") != RateLimiter.bucket(for: "2001:db8:1:3::1"))
        #expect(RateLimiter.bucket(for: "192.0.2.1") != RateLimiter.bucket(for: "192.0.2.2"))
        #expect(RateLimiter.bucket(for: "::ffff:192.0.2.1") == RateLimiter.bucket(for: "192.0.2.1"))
        #expect(middleware.client(peer: "10.1.1.1", forwardedFor: ["192.0.2.9, 10.2.2.2"]) == "192.0.2.9")
        #expect(middleware.client(peer: "10.1.1.1", forwardedFor: ["not-an-address"]) == "10.1.1.1")
        #expect(middleware.client(peer: "192.0.2.50", forwardedFor: ["192.0.2.9"]) == "192.0.2.50")
    }

    @Test func metricsAnswerOperatorsOnly() async throws {
        try await withServer(.socket, adjust: { server, _ in
            server.trustedProxies = ["127.0.0.0/8"]
        }) { server in
            #expect(try await server.send("/metrics").status == 200, "loopback may read metrics without a token")
            let remote = try await server.send("/metrics", headers: ["X-Forwarded-For": "203.0.113.9"])
            #expect(remote.status == 403 && remote.isProblem)
        }
    }

    @Test func withATokenMetricsNeedIt() async throws {
        try await withServer(adjust: { server, _ in
            server.metricsToken = "scrape-token-of-32-characters-x"
        }) { server in
            let anonymous = try await server.send("/metrics")
            #expect(anonymous.status == 401 && anonymous.isProblem)
            #expect(try await server.send("/metrics", headers: ["Authorization": "Bearer wrong"]).status == 401)
            #expect(try await server.send("/metrics", headers: ["Authorization": "Bearer scrape-token-of-32-characters-x"]).status == 200)
        }
    }

    @Test func readinessSaysNothingAboutWhyTheStoreIsDown() async throws {
        try await withServer { server in
            #expect(try await server.send("/readyz").status == 200)
            try await server.pipeline.store.close()
            try await Task.sleep(for: .milliseconds(1100))
            let down = try await server.send("/readyz")
            #expect(down.status == 503 && down.isProblem)
            let detail = try #require(down.json["detail"] as? String)
            #expect(!detail.contains("/") && !detail.lowercased().contains("sqlite"), "no path or engine error leaks: \(detail)")
        }
    }

    @Test func aDrippedRequestBodyIsCutOffAtItsDeadline() async throws {
        try await withServer(.socket, adjust: { server, _ in
            server.bodyDeadlineSeconds = 1
        }) { server in
            let connection = try RawConnection(port: try #require(server.port))
            connection.send("POST /v1/social/edges HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(server.shop.apiKey)\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
            let answer = await connection.drip(" ", every: .milliseconds(250), times: 40)
            #expect(answer?.hasPrefix("HTTP/1.1 408") == true, "\(answer ?? "no answer")")
        }
    }

    @Test func idleAndHalfSentConnectionsAreClosed() async throws {
        try await withServer(.socket, adjust: { server, _ in
            server.idleTimeoutSeconds = 1
        }) { server in
            let port = try #require(server.port)
            let idle = try RawConnection(port: port)
            let halfSent = try RawConnection(port: port)
            halfSent.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            try await Task.sleep(for: .seconds(3))
            #expect(await idle.isClosedByPeer(), "an idle connection is closed")
            #expect(await halfSent.isClosedByPeer(), "a connection stalled mid-header is closed")
        }
    }
}

/// A plain TCP connection to the test server, for requests no HTTP client would send.
final class RawConnection {
    let socket: Int32

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    deinit { close(socket) }

    func send(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.send(socket, $0.baseAddress, $0.count - 1, 0) }
    }

    /// Sends `text` every `interval` until the peer answers (at most `times` times): a
    /// client dripping a request. Returns the answer, if one came.
    func drip(_ text: String, every interval: Duration, times: Int) async -> String? {
        for _ in 0..<times {
            send(text)
            if let answer = await read(within: interval) { return answer }
        }
        return nil
    }

    /// Whether the peer has closed: a read returns end of file (or a reset) within half a second.
    func isClosedByPeer() async -> Bool {
        guard let count = await received(within: .milliseconds(500)) else { return false }
        return count.isEmpty
    }

    /// What the peer sent within `timeout`, as text; nil if nothing came (or it closed).
    func read(within timeout: Duration) async -> String? {
        guard let bytes = await received(within: timeout), !bytes.isEmpty else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes the next read returns once the socket is readable (empty at end of file),
    /// or nil if it does not become readable within `timeout`. It polls without blocking:
    /// the server under test shares this process's few cooperative threads.
    private func received(within timeout: Duration) async -> [UInt8]? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 0) == 1 {
                var buffer = [UInt8](repeating: 0, count: 8192)
                let count = recv(socket, &buffer, buffer.count, 0)
                return count > 0 ? Array(buffer.prefix(count)) : []
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
