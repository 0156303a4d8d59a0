import Foundation
import SQLKit
import Testing
@testable import VouchStore
import VouchTestSupport

@Suite struct MigrationTests {
    @Test(arguments: TestEngine.available)
    func reopeningAppliesNothingAndKeepsData(_ engine: TestEngine) async throws {
        let database = try await engine.makeDatabase()
        defer { Task { await database.drop() } }
        let first = try await Store.open(database.location)
        try await first.register(platform: "shop", name: "Shop")
        _ = try await first.submit(StoreFixture.submission("a"))
        try await first.close()

        let second = try await Store.open(database.location)
        let clip = try await second.clip(id: 1)
        #expect(clip?.platformID == "shop")
        let versions = try await second.database.run { db in
            try await db.raw("SELECT version FROM schema_migrations ORDER BY version").all().map { try $0.decode(column: "version", as: Int.self) }
        }
        #expect(versions == versions.sorted() && versions.first == 1)
        #expect(versions.count >= 3)
        try await second.close()
    }

    @Test(arguments: TestEngine.available)
    func aGapInVersionsIsFilledWhenItsStepArrives(_ engine: TestEngine) async throws {
        let database = try await engine.makeDatabase()
        defer { Task { await database.drop() } }
        let opened = try await StoreDatabase.open(database.location)
        let step = { (version: Int) in
            Migration(version: version, name: "step \(version)") { db, _ in try await db.raw("CREATE TABLE step_\(unsafeRaw: "\(version)") (id BIGINT)").run() }
        }
        #expect(try await Migrator(database: opened, migrations: [step(1), step(2), step(4)]).migrate() == [1, 2, 4])
        #expect(try await Migrator(database: opened, migrations: [step(1), step(2), step(3), step(4)]).migrate() == [3])
        #expect(try await Migrator(database: opened, migrations: [step(1), step(2), step(3), step(4)]).currentVersion() == 4)
        try await opened.close()
    }

    @Test(arguments: TestEngine.available)
    func auditLogRefusesUpdatesAndDeletes(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            _ = try await fixture.store.submit(StoreFixture.submission("a"))
            let entries = try await fixture.store.auditLog()
            #expect(entries.first?.action == "clip.submitted")
            await #expect(throws: (any Error).self) {
                try await fixture.store.database.run { try await $0.raw("UPDATE audit_log SET actor = 'someone else'").run() }
            }
            await #expect(throws: (any Error).self) {
                try await fixture.store.database.run { try await $0.raw("DELETE FROM audit_log").run() }
            }
            #expect(try await fixture.store.auditLog() == entries)
        }
    }
}

@Suite struct StoreLocationTests {
    @Test func parsesURLsAndPaths() throws {
        #expect(try StoreLocation(parsing: "postgres://vouch:secret@db.internal:5432/vouch") == .postgres(url: "postgres://vouch:secret@db.internal:5432/vouch"))
        #expect(try StoreLocation(parsing: "sqlite:///var/lib/vouch/vouch.sqlite") == .sqlite(path: "/var/lib/vouch/vouch.sqlite"))
        #expect(try StoreLocation(parsing: ".vouch/vouch.sqlite") == .sqlite(path: ".vouch/vouch.sqlite"))
        let shown = StoreLocation.postgres(url: "postgres://vouch:secret@db/vouch").description
        #expect(!shown.contains("secret") && shown.contains("@db/vouch"))
    }

    @Test func refusesWhatItCannotUse() {
        #expect(throws: StoreError.self) { try StoreLocation(parsing: "mysql://root@db/vouch") }
        #expect(throws: StoreError.self) { try StoreLocation(parsing: "postgres://db.internal/vouch") }
        #expect(throws: StoreError.self) { try StoreLocation(parsing: "  ") }
    }

    @Test func anUnreachableServerIsAClearError() async {
        await #expect {
            try await StoreDatabase.open(.postgres(url: "postgres://vouch@127.0.0.1:1/vouch?sslmode=disable"))
        } throws: { error in
            guard case StoreError.unavailable(let location, _) = error else { return false }
            return location.contains("127.0.0.1:1")
        }
    }
}
