import Foundation
import NIOCore
import Testing
@testable import VouchMediaStore

/// What every ``MediaStore`` must do, run on each available backend.
@Suite struct MediaStoreConformanceTests {
    let video = try! MediaKey("renditions/0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0.mp4")

    @Test(arguments: TestBackend.available)
    func putThenDescribeGivesSizeTypeAndAQuotedETag(backend: TestBackend) async throws {
        let test = try await backend.makeStore()
        defer { test.removeScratch() }
        let stored = try await test.store.put(contentsOf: try test.file(patternedBytes(1000)), as: video, contentType: "video/mp4")
        #expect(stored.key == video)
        #expect(stored.size == 1000)
        #expect(stored.contentType == "video/mp4")
        #expect(stored.etag.count > 2 && stored.etag.hasPrefix("\"") && stored.etag.hasSuffix("\""))
        #expect(try await test.store.describe(video) == stored)
    }

    @Test(arguments: TestBackend.available)
    func readsARangeAndTheWhole(backend: TestBackend) async throws {
        let test = try await backend.makeStore()
        defer { test.removeScratch() }
        let bytes = patternedBytes(4096)
        _ = try await test.store.put(contentsOf: try test.file(bytes), as: video, contentType: "video/mp4")
        #expect(try await collect(test.store.read(video, range: 100..<117)).bytes == Array(bytes[100..<117]))
        #expect(try await collect(test.store.read(video, range: 4095..<4096)).bytes == [bytes[4095]])
        #expect(try await collect(test.store.read(video, range: 0..<4096)).bytes == bytes)
        #expect(try await collect(test.store.read(video, range: 10..<10)).bytes.isEmpty)
    }

    @Test(arguments: TestBackend.available)
    func downloadsToALocalFile(backend: TestBackend) async throws {
        let test = try await backend.makeStore()
        defer { test.removeScratch() }
        let bytes = patternedBytes(3000)
        _ = try await test.store.put(contentsOf: try test.file(bytes), as: video, contentType: "video/mp4")
        let copy = "\(test.scratch)/downloaded.mp4"
        try await test.store.download(video, to: copy)
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Data(bytes))
        try await test.store.download(video, to: copy)
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Data(bytes))
    }

    @Test(arguments: TestBackend.available)
    func removesAndRemovingTheAbsentIsNoError(backend: TestBackend) async throws {
        let test = try await backend.makeStore()
        defer { test.removeScratch() }
        _ = try await test.store.put(contentsOf: try test.file(patternedBytes(10)), as: video, contentType: "video/mp4")
        try await test.store.remove(video)
        #expect(try await test.store.describe(video) == nil)
        try await test.store.remove(video)
        try await test.store.remove(try MediaKey("posters/never-stored.jpg"))
    }

    @Test(arguments: TestBackend.available)
    func theAbsentIsDescribedAsNilAndCannotBeReadOrDownloaded(backend: TestBackend) async throws {
        let test = try await backend.makeStore()
        defer { test.removeScratch() }
        #expect(try await test.store.describe(video) == nil)
        await #expect(throws: MediaStoreError.notFound(video)) { _ = try await test.store.read(video, range: 0..<1) }
        await #expect(throws: MediaStoreError.notFound(video)) { try await test.store.download(video, to: "\(test.scratch)/x") }
        #expect(!FileManager.default.fileExists(atPath: "\(test.scratch)/x"))
    }

    @Test(arguments: TestBackend.available)
    func puttingTheSameContentAgainChangesNothing(backend: TestBackend) async throws {
        let test = try await backend.makeStore()
        defer { test.removeScratch() }
        let file = try test.file(patternedBytes(500))
        let first = try await test.store.put(contentsOf: file, as: video, contentType: "video/mp4")
        let second = try await test.store.put(contentsOf: file, as: video, contentType: "video/mp4")
        #expect(first == second)
        #expect(try await test.store.describe(video) == first)
        #expect(try await collect(test.store.read(video, range: 0..<500)).bytes == patternedBytes(500))
    }

    @Test(arguments: TestBackend.available)
    func keepsEachKeysContentType(backend: TestBackend) async throws {
        let test = try await backend.makeStore()
        defer { test.removeScratch() }
        let original = try MediaKey("originals/5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8")
        let captions = try MediaKey("captions/5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8.vtt")
        _ = try await test.store.put(contentsOf: try test.file(Array("WEBVTT\n".utf8)), as: captions, contentType: "text/vtt")
        _ = try await test.store.put(contentsOf: try test.file(patternedBytes(64)), as: original, contentType: "video/quicktime")
        #expect(try await test.store.describe(captions)?.contentType == "text/vtt")
        #expect(try await test.store.describe(original)?.contentType == "video/quicktime")
    }

    @Test(arguments: TestBackend.available)
    func streamsAFiveMegabyteFileInChunks(backend: TestBackend) async throws {
        let test = try await backend.makeStore()
        defer { test.removeScratch() }
        let bytes = patternedBytes(5 * 1024 * 1024 + 17)
        let stored = try await test.store.put(contentsOf: try test.file(bytes), as: video, contentType: "video/mp4")
        #expect(stored.size == Int64(bytes.count))
        let whole = try await collect(test.store.read(video, range: 0..<Int64(bytes.count)))
        #expect(whole.bytes == bytes)
        #expect(whole.chunks.count > 1)
        #expect(whole.chunks.allSatisfy { $0 < bytes.count })
        let middle = try await collect(test.store.read(video, range: 1_000_000..<3_500_001))
        #expect(middle.bytes == Array(bytes[1_000_000..<3_500_001]))
        let copy = "\(test.scratch)/copy"
        try await test.store.download(video, to: copy)
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Data(bytes))
    }

    @Test(arguments: TestBackend.available)
    func aMissingSourceFileIsAnIOErrorNamingIt(backend: TestBackend) async throws {
        let test = try await backend.makeStore()
        defer { test.removeScratch() }
        let missing = "\(test.scratch)/not-there.mp4"
        await #expect(throws: MediaStoreError.io(path: missing, operation: "open", message: "no such file")) {
            _ = try await test.store.put(contentsOf: missing, as: video, contentType: "video/mp4")
        }
    }
}
