import Crypto
import Foundation
import Testing
import VouchEncoding
@testable import VouchMediaStore

/// What only the directory store promises: its layout, its ETag, and no half-written files.
@Suite struct DirectoryMediaStoreTests {
    let poster = try! MediaKey("posters/2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae.jpg")

    @Test func theETagIsTheContentsSHA256AndNoTemporaryFileStays() async throws {
        let test = try await TestBackend.directory.makeStore()
        defer { test.removeScratch() }
        let bytes = patternedBytes(70_000)
        let stored = try await test.store.put(contentsOf: try test.file(bytes), as: poster, contentType: "image/jpeg")
        #expect(stored.etag == "\"\(SHA256.hash(data: Data(bytes)).hexEncodedString)\"")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(test.scratch)/media/tmp").isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(test.scratch)/media/objects/\(poster)")) == Data(bytes))
    }

    @Test func anObjectWhoseSidecarIsMissingIsAbsentUntilPutAgain() async throws {
        let test = try await TestBackend.directory.makeStore()
        defer { test.removeScratch() }
        let file = try test.file(patternedBytes(100))
        let stored = try await test.store.put(contentsOf: file, as: poster, contentType: "image/jpeg")
        // As a writer that died between the object's rename and the sidecar's leaves it.
        try FileManager.default.removeItem(atPath: "\(test.scratch)/media/meta/\(poster)")
        #expect(try await test.store.describe(poster) == nil)
        #expect(try await test.store.put(contentsOf: file, as: poster, contentType: "image/jpeg") == stored)
        #expect(try await test.store.describe(poster) == stored)
    }

    @Test func aDownloadReplacesTheDestinationWhole() async throws {
        let test = try await TestBackend.directory.makeStore()
        defer { test.removeScratch() }
        _ = try await test.store.put(contentsOf: try test.file(patternedBytes(10)), as: poster, contentType: "image/jpeg")
        let destination = try test.file(patternedBytes(50_000), named: "existing.jpg")
        try await test.store.download(poster, to: destination)
        #expect(try Data(contentsOf: URL(fileURLWithPath: destination)) == Data(patternedBytes(10)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: test.scratch).filter { $0.hasPrefix(".partial-") }.isEmpty)
    }
}
