import Foundation
import VouchStore
import VouchTestSupport

/// A migrated store on a fresh database, with one platform registered.
struct StoreFixture {
    let store: Store
    let clock: ManualClock
    let database: TestDatabase

    static func make(_ engine: TestEngine, queue: QueuePolicy = QueuePolicy()) async throws -> StoreFixture {
        let database = try await engine.makeDatabase()
        let clock = ManualClock()
        let store = try await Store.open(database.location, clock: clock, queue: queue)
        try await store.register(platform: "shop", name: "Shop")
        try await store.register(platform: "social", name: "Social")
        return StoreFixture(store: store, clock: clock, database: database)
    }

    func tearDown() async {
        try? await store.close()
        await database.drop()
    }

    /// A submission of `bytes` (standing in for the upload's content) by `reviewer`.
    static func submission(_ bytes: String, platform: String = "shop", reviewer: String = "alice", key: String? = nil,
                           reviewerKey: String? = nil, product: String = "sku-1") -> ClipSubmission {
        ClipSubmission(platformID: platform, reviewerAccount: reviewer, provenReviewerKey: reviewerKey, productID: product,
                       idempotencyKey: key, contentSHA256: String(repeating: bytes, count: 64 / bytes.count + 1).prefix(64).description,
                       byteCount: Int64(bytes.count), attestationID: UUID().uuidString, spoolPath: "/spool/\(bytes)")
    }
}

/// Runs `body` with a fixture, tearing it down whatever happens.
func withStore(_ engine: TestEngine, queue: QueuePolicy = QueuePolicy(), _ body: (StoreFixture) async throws -> Void) async throws {
    try await withFixture({ try await StoreFixture.make(engine, queue: queue) }, tearDown: { await $0.tearDown() }, body)
}
