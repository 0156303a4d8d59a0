import Foundation
import SQLKit
import Testing
import VouchStore
import VouchTestSupport

/// Security: a copy of the database does not hold webhook secrets in clear.
@Suite struct SecretSealTests {
    static let key = try! SecretSeal(keyData: Data(repeating: 0x42, count: 32))

    private func storedSecrets(_ store: Store) async throws -> [String] {
        try await store.database.run { db in
            try await db.select().column("secret").from("webhooks").all().map { try $0.decode(column: "secret", as: String.self) }
        }
    }

    @Test(arguments: TestEngine.available)
    func secretsAreSealedAtRestAndOpenedForDelivery(_ engine: TestEngine) async throws {
        let database = try await engine.makeDatabase()
        let store = try await Store.open(database.location, secrets: Self.key)
        try await store.register(platform: "shop", name: "Shop")
        _ = try await store.createWebhook(platform: "shop", url: "https://a.example/", events: [.clipPublished], secret: "whsec_plain-secret")
        let stored = try await storedSecrets(store)
        #expect(stored.count == 1 && !stored[0].contains("plain-secret") && stored[0].hasPrefix("sealed-v1:"), "\(stored)")
        try await store.finishedClip(reviewer: "alice", product: "sku-1", score: 0.8)
        #expect(try await store.claimDeliveries(limit: 10, leaseSeconds: 0).first?.secret == "whsec_plain-secret")
        try await store.close()

        let keyless = try await Store.open(database.location)
        await #expect(throws: StoreError.secretSealed) { try await keyless.claimDeliveries(limit: 10, leaseSeconds: 60) }
        try await keyless.close()
        let wrongKey = try await Store.open(database.location, secrets: try SecretSeal(keyData: Data(repeating: 1, count: 32)))
        await #expect(throws: StoreError.self) { try await wrongKey.claimDeliveries(limit: 10, leaseSeconds: 60) }
        try await wrongKey.close()
        await database.drop()
    }

    @Test(arguments: TestEngine.available)
    func secretsStoredBeforeAKeyAreSealedWhenOneIsGiven(_ engine: TestEngine) async throws {
        let database = try await engine.makeDatabase()
        let before = try await Store.open(database.location)
        try await before.register(platform: "shop", name: "Shop")
        _ = try await before.createWebhook(platform: "shop", url: "https://a.example/", events: [.clipPublished], secret: "whsec_old")
        #expect(try await storedSecrets(before) == ["whsec_old"])
        try await before.close()
        let after = try await Store.open(database.location, secrets: Self.key)
        #expect(try await storedSecrets(after).allSatisfy { $0.hasPrefix("sealed-v1:") })
        try await after.finishedClip(reviewer: "alice", product: "sku-1", score: 0.8)
        #expect(try await after.claimDeliveries(limit: 10, leaseSeconds: 60).first?.secret == "whsec_old")
        try await after.close()
        await database.drop()
    }

    @Test func theEmbeddedDatabaseIsTheOwnersOnly() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-mode-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("data/vouch.sqlite").path
        let store = try await Store.open(.sqlite(path: path))
        try await store.register(platform: "shop", name: "Shop")
        for file in [path, path + "-wal", directory.appendingPathComponent("data").path] where FileManager.default.fileExists(atPath: file) {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber).intValue
            #expect(mode & 0o077 == 0, "\(file) is mode \(String(mode, radix: 8))")
        }
        try await store.close()
    }
}
