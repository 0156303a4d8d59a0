import Foundation
import Hummingbird
import VouchStore

/// Ranking pages kept in memory, with their encoded JSON, so that a page shoppers ask for
/// again costs no query and no encoding: the shopper API's hot path, which
/// `Docs/benchmarks.md` measured at a fraction of the goal without it.
///
/// A page is forgotten when its product's clips change, in this process or any other on
/// the same store: at most every `checkInterval`, the request that finds the check due
/// asks the store which products changed since shortly before the previous check (the
/// margin covers transactions that commit after the time they stamped). So a page can be
/// stale for about `checkInterval`. When full (in pages or in bytes), the cache starts
/// again empty. Only pages reached through cursors the API signed are ever asked for
/// (``ReviewCursor``), so the pages a client can make it hold are the real ones.
actor RankingCache {
    /// A page as the store gave it, and its anonymous answer's body.
    struct Entry: Sendable {
        var page: ReviewPage
        var body: ByteBuffer

        /// About what the entry holds in memory: its encoded body, and the page it came from,
        /// which holds the same reviews again.
        var size: Int { 2 * body.readableBytes }
    }

    private struct Key: Hashable {
        var query: ReviewQuery
        var limit: Int
        var after: RankingPosition?
    }

    private let store: Store
    private let cursors: ReviewCursor
    private let capacity: Int
    private let maximumBytes: Int
    private var bytes = 0
    private let checkInterval: Duration
    private let margin: TimeInterval
    private var entries: [String: [Key: Entry]] = [:]
    private var count = 0
    private var checkedAt = ContinuousClock.now
    private var changesSince: Date

    init(store: Store, capacity: Int, maximumBytes: Int, cursors: ReviewCursor, checkInterval: Duration = .milliseconds(250), margin: TimeInterval = 5) {
        self.store = store
        self.cursors = cursors
        self.capacity = max(1, capacity)
        self.maximumBytes = max(1, maximumBytes)
        self.checkInterval = checkInterval
        self.margin = margin
        changesSince = store.clock.now()
    }

    /// The page, from memory when it is there and its product has not changed since.
    func entry(product: String, query: ReviewQuery = ReviewQuery(), limit: Int, after: RankingPosition?) async throws -> Entry {
        try await forgetChangedProducts()
        let key = Key(query: query, limit: limit, after: after)
        if let entry = entries[product]?[key] { return entry }
        let entry = try await Self.load(product: product, query: query, limit: limit, after: after, from: store, cursors: cursors)
        if count >= capacity || bytes + entry.size > maximumBytes {
            entries.removeAll()
            count = 0
            bytes = 0
        }
        if let replaced = entries[product, default: [:]].updateValue(entry, forKey: key) {
            bytes -= replaced.size
        } else {
            count += 1
        }
        bytes += entry.size
        return entry
    }

    /// What the cached pages take in memory, by ``Entry/size``.
    var heldBytes: Int { bytes }

    /// The page read from the store and encoded, as the cache keeps it, or as a route without a cache answers it.
    static func load(product: String, query: ReviewQuery, limit: Int, after: RankingPosition?, from store: Store,
                     cursors: ReviewCursor) async throws -> Entry {
        let page = try await store.publishedReviews(product: product, query: query, limit: limit, after: after)
        return Entry(page: page, body: try JSONAnswer.body(ReviewsBody(product: product, page: page, scope: query.scope, cursors: cursors)))
    }

    private func forgetChangedProducts() async throws {
        let now = ContinuousClock.now
        guard now - checkedAt >= checkInterval else { return }
        checkedAt = now
        let since = changesSince.addingTimeInterval(-margin)
        changesSince = store.clock.now()
        for product in try await store.productsChanged(since: since) {
            let forgotten = entries.removeValue(forKey: product)?.values
            count -= forgotten?.count ?? 0
            bytes -= forgotten?.reduce(0) { $0 + $1.size } ?? 0
        }
    }
}
