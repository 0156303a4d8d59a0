import Foundation
import Testing
import VouchIdentity
import VouchStore
import VouchTestSupport

/// The registry on both engines: each change moves the version once, with its audit entry;
/// refused changes change nothing; importing an old settings file is idempotent under races.
@Suite struct RegistryStoreTests {
    static let key = PlatformKey(id: "k1", algorithm: .edDSA, material: .ed25519(x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"))
    static let hash = String(repeating: "ab", count: 32)

    @Test(arguments: TestEngine.available)
    func changesMoveTheVersionAndRefusalsChangeNothing(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let start = try await store.registryVersion()
            #expect(try await store.registry().platforms.isEmpty, "a platform row without credentials is not a registered platform")
            try await store.registerPlatform(id: "market", name: "Market", keys: [Self.key], apiKeySHA256: Self.hash, by: "operator:test")
            #expect(try await store.registryVersion() == start + 1)
            await #expect(throws: StoreError.conflict("platform 'market' is already registered")) {
                try await store.registerPlatform(id: "market", name: "Again", keys: [Self.key], apiKeySHA256: Self.hash.uppercased(), by: "operator:test")
            }
            await #expect(throws: StoreError.self) {
                try await store.retirePlatformKey("k1", platform: "market", at: fixture.clock.now(), by: "operator:test")
            }
            await #expect(throws: StoreError.notFound("platform 'nowhere'")) {
                try await store.addPlatformKey(Self.key, platform: "nowhere", by: "operator:test")
            }
            #expect(try await store.registryVersion() == start + 1, "refused changes do not move the version")
            let registry = try await store.registry()
            #expect(registry.platforms.map(\.name) == ["Market"])
            #expect(registry.platforms[0].keys.map(\.key) == [Self.key])
            #expect(try await store.auditLog(subject: "platform:market").map(\.action) == ["platform.registered"])
        }
    }

    @Test(arguments: TestEngine.available)
    func removingAModeratorEndsTheirSessions(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            try await store.addModerator(RegisteredModerator(name: "mia", role: .admin, passwordHash: "$scrypt$stand-in"), by: "operator:test")
            let now = fixture.clock.now()
            try await store.startModeratorSession(idSHA256: "session-1", ModeratorSession(
                moderator: "mia", csrfToken: "csrf", createdAt: now, expiresAt: now.addingTimeInterval(600)))
            #expect(try await store.moderatorSession(idSHA256: "session-1") != nil)
            try await store.removeModerator(named: "mia", by: "operator:test")
            #expect(try await store.moderatorSession(idSHA256: "session-1") == nil)
            #expect(try await store.registry().moderators.isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func processesImportingOneSettingsFileAtOnceImportItOnce(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let legacy = RegisteredPlatform(id: "old-shop", name: "Old Shop", keys: [RegisteredKey(key: Self.key, addedAt: fixture.clock.now())],
                                            apiKeys: [RegisteredAPIKey(sha256: Self.hash, createdAt: fixture.clock.now())])
            let moderator = RegisteredModerator(name: "olga", role: .moderator, passwordHash: "$scrypt$stand-in")
            let imported = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<6 { group.addTask { try await store.importRegistry(platforms: [legacy], moderators: [moderator]) } }
                return try await group.reduce(into: [String]()) { $0 += $1 }
            }
            #expect(imported.sorted() == ["moderator olga", "platform old-shop"])
            let registry = try await store.registry()
            #expect(registry.platforms.map(\.id) == ["old-shop"] && registry.moderators.map(\.name) == ["olga"])
            #expect(try await store.auditLog(subject: "platform:old-shop").map(\.actor) == ["system"])
        }
    }
}
