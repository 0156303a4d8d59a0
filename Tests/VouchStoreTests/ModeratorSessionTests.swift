import Foundation
import SQLKit
import Testing
import VouchStore
import VouchTestSupport

@Suite struct ModeratorSessionTests {
    static func session(_ fixture: StoreFixture, minutes: Double = 60) -> ModeratorSession {
        let now = fixture.clock.now()
        return ModeratorSession(moderator: "ana", csrfToken: "token", createdAt: now, expiresAt: now.addingTimeInterval(minutes * 60))
    }

    @Test(arguments: TestEngine.available)
    func aSessionIsFoundByItsHashUntilItExpires(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let session = Self.session(fixture)
            try await fixture.store.startModeratorSession(idSHA256: "hash-1", session)
            #expect(try await fixture.store.moderatorSession(idSHA256: "hash-1") == session)
            #expect(try await fixture.store.moderatorSession(idSHA256: "hash-2") == nil)
            fixture.clock.advance(by: 3601)
            #expect(try await fixture.store.moderatorSession(idSHA256: "hash-1") == nil)
            #expect(try await fixture.store.auditLog(subject: "moderator:ana").map(\.action) == ["moderator.login"])
        }
    }

    @Test(arguments: TestEngine.available)
    func loggingOutEndsTheSessionAndIsAudited(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            try await fixture.store.startModeratorSession(idSHA256: "hash-1", Self.session(fixture))
            try await fixture.store.endModeratorSession(idSHA256: "hash-1")
            try await fixture.store.endModeratorSession(idSHA256: "hash-1")
            #expect(try await fixture.store.moderatorSession(idSHA256: "hash-1") == nil)
            #expect(try await fixture.store.auditLog(subject: "moderator:ana").map(\.action) == ["moderator.logout", "moderator.login"])
        }
    }

    @Test(arguments: TestEngine.available)
    func startingASessionSweepsExpiredOnes(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            try await fixture.store.startModeratorSession(idSHA256: "old", Self.session(fixture, minutes: 1))
            fixture.clock.advance(by: 120)
            try await fixture.store.startModeratorSession(idSHA256: "new", Self.session(fixture))
            let rows = try await fixture.store.database.run { db in
                try await db.raw("SELECT id_sha256 FROM moderator_sessions").all().map { try $0.decode(column: "id_sha256", as: String.self) }
            }
            #expect(rows == ["new"])
        }
    }
}
