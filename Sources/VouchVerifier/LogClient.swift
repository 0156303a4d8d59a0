import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import VouchLog
import VouchModel

/// What `vouch verify` reads from a Vouch server: only the public API, so that anyone can
/// check a server without an account on it.
public struct LogClient: Sendable {
    /// How a request reaches the server: `URLSession` in use, recorded answers in tests.
    public typealias Transport = @Sendable (URL) async throws -> (Data, URLResponse)

    public let server: URL
    private let transport: Transport

    public init(server: URL, transport: @escaping Transport = { try await URLSession.shared.data(from: $0) }) {
        self.server = server
        self.transport = transport
    }

    /// A review as the shopper API shows it, with the fields the log commits to.
    public struct Review: Decodable, Sendable {
        /// The part of the score's explanation the log commits to.
        public struct Explanation: Decodable, Sendable { public var verdict: Verdict }
        public var clip: Int64
        public var score: Double
        public var explanation: Explanation
        public var logIndex: Int64?
        public var rating: Int?
        public var title: String?
        public var text: String?
        public var language: String?
        public var disclosures: Disclosures?

        /// The words as shown, in the form the log's `wordsSHA256` is taken over; nil for a clip shown without words.
        public var words: ReviewWords? {
            rating.map { ReviewWords(rating: $0, title: title, text: text, language: language, disclosures: disclosures ?? Disclosures()) }
        }
    }

    private struct ReviewPage: Decodable {
        var reviews: [Review]
        var nextCursor: String?
    }

    private struct EntriesPage: Decodable {
        struct Entry: Decodable {
            var index: Int64
            var entry: String
        }
        var entries: [Entry]
    }

    private struct ProofBody: Decodable {
        var hashes: [String]
    }

    public func checkpointNote() async throws -> String {
        String(decoding: try await get("/v1/log/checkpoint"), as: UTF8.self)
    }

    /// Every published review of `product`, walking the shopper API's pages.
    public func reviews(product: String) async throws -> [Review] {
        var reviews: [Review] = []
        var cursor: String?
        repeat {
            var query = [URLQueryItem(name: "limit", value: "100")]
            if let cursor { query.append(URLQueryItem(name: "cursor", value: cursor)) }
            let segment = product.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? product
            let page = try JSONDecoder().decode(ReviewPage.self, from: try await get("/v1/products/\(segment)/reviews", query))
            reviews += page.reviews
            cursor = page.nextCursor
        } while cursor != nil
        return reviews
    }

    /// Leaves `start..<end`, as the exact bytes that were hashed.
    public func entries(_ range: Range<Int64>) async throws -> [(index: Int64, bytes: Data)] {
        var entries: [(index: Int64, bytes: Data)] = []
        var start = range.lowerBound
        while start < range.upperBound {
            let limit = min(1000, range.upperBound - start)
            let page = try JSONDecoder().decode(EntriesPage.self, from: try await get("/v1/log/entries", [
                URLQueryItem(name: "start", value: "\(start)"), URLQueryItem(name: "limit", value: "\(limit)"),
            ]))
            guard !page.entries.isEmpty else { throw VerifyError.server("the log served no entries from \(start)") }
            entries += page.entries.map { (index: $0.index, bytes: Data($0.entry.utf8)) }
            start += Int64(page.entries.count)
        }
        return entries
    }

    public func inclusionProof(index: Int64, treeSize: Int64) async throws -> InclusionProof {
        InclusionProof(leafIndex: index, treeSize: treeSize, hashes: try await proofHashes("/v1/log/proofs/inclusion", [
            URLQueryItem(name: "index", value: "\(index)"), URLQueryItem(name: "treeSize", value: "\(treeSize)"),
        ]))
    }

    public func consistencyProof(from old: Int64, to new: Int64) async throws -> ConsistencyProof {
        ConsistencyProof(oldSize: old, newSize: new, hashes: try await proofHashes("/v1/log/proofs/consistency", [
            URLQueryItem(name: "from", value: "\(old)"), URLQueryItem(name: "to", value: "\(new)"),
        ]))
    }

    private func proofHashes(_ path: String, _ query: [URLQueryItem]) async throws -> [TreeHash] {
        try JSONDecoder().decode(ProofBody.self, from: try await get(path, query)).hashes.map { text in
            guard let hash = TreeHash(base64: text) else { throw VerifyError.server("a proof hash is not 32 bytes of base64") }
            return hash
        }
    }

    private func get(_ path: String, _ query: [URLQueryItem] = []) async throws -> Data {
        var components = URLComponents(url: server, resolvingAgainstBaseURL: false)
        components?.percentEncodedPath = path
        components?.queryItems = query.isEmpty ? nil : query
        guard let url = components?.url else { throw VerifyError.server("\(server) cannot be combined with \(path)") }
        var (data, response) = try await fetch(url)
        for _ in 0..<5 {
            guard let http = response as? HTTPURLResponse, http.statusCode == 429 else { break }
            // The public API is rate-limited: wait as told, then ask again.
            let wait = min(30, max(1, Int(http.value(forHTTPHeaderField: "Retry-After") ?? "") ?? 1))
            try await Task.sleep(for: .seconds(wait))
            (data, response) = try await fetch(url)
        }
        guard let http = response as? HTTPURLResponse, http.statusCode == 200 else {
            let detail = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["detail"] as? String
            throw VerifyError.server("\(url.absoluteString) answered \((response as? HTTPURLResponse)?.statusCode ?? 0)\(detail.map { ": \($0)" } ?? "")")
        }
        return data
    }

    private func fetch(_ url: URL) async throws -> (Data, URLResponse) {
        do {
            return try await transport(url)
        } catch {
            throw VerifyError.server("\(url.absoluteString) cannot be reached: \(error.localizedDescription)")
        }
    }
}
