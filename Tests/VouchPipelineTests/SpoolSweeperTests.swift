import Foundation
import Logging
import Testing
import VouchPipeline
import VouchStore
import VouchTestSupport

/// Security: uploads a crash left behind do not fill the spool for ever.
@Suite struct SpoolSweeperTests {
    private func age(_ path: String, by seconds: TimeInterval) throws {
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-seconds)], ofItemAtPath: path)
    }

    @Test(arguments: TestEngine.available)
    func abandonedFilesGoAndClaimedOnesStay(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            let spool = fixture.pipeline.spool
            let abandonedWrite = try spool.begin(limit: 1 << 20)
            try abandonedWrite.write(Data("half an upload".utf8))
            let incoming = try #require(try FileManager.default.contentsOfDirectory(atPath: spool.incoming.path).first)
            try age(spool.incoming.appendingPathComponent(incoming).path, by: 3600)

            let orphan = try spool.begin(limit: 1 << 20)
            try orphan.write(Data("spooled, never recorded".utf8))
            let orphaned = try orphan.finish()
            try age(orphaned.path, by: 3600)

            let claimed = try await fixture.submit(try MediaFixture.clip.path, reviewer: "alice")
            let claimedPath = try #require(claimed.spoolPath)
            try age(claimedPath, by: 3600)

            let fresh = try spool.begin(limit: 1 << 20)
            try fresh.write(Data("just arrived".utf8))
            let justFinished = try fresh.finish()

            let removed = try await SpoolSweeper(spool: spool, store: fixture.pipeline.store, logger: Logger(label: "test")).sweep()
            #expect(removed == 2)
            #expect(!FileManager.default.fileExists(atPath: orphaned.path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: spool.incoming.path).isEmpty)
            #expect(FileManager.default.fileExists(atPath: claimedPath), "a clip waiting for analysis keeps its file")
            #expect(FileManager.default.fileExists(atPath: justFinished.path), "a file younger than the sweep age may still be claimed")
            withExtendedLifetime(abandonedWrite) {}
        }
    }
}
