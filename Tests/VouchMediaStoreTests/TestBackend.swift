import Foundation
import NIOCore
@testable import VouchMediaStore

/// The backends the conformance suite runs on: the directory store always, S3 when the test
/// command started moto (Scripts/lib/s3.sh) and exported `VOUCH_TEST_S3_ENDPOINT`.
enum TestBackend: String, Sendable, CaseIterable, CustomStringConvertible {
    case directory, s3

    static var available: [TestBackend] {
        S3TestServer.endpoint == nil ? [.directory] : [.directory, .s3]
    }

    var description: String { rawValue }

    /// A new, empty store on this backend, and a scratch folder for the test's own files.
    func makeStore() async throws -> TestStore {
        let scratch = try TestStore.makeScratchFolder()
        switch self {
        case .directory:
            return TestStore(store: DirectoryMediaStore(root: "\(scratch)/media"), scratch: scratch)
        case .s3:
            let store = S3MediaStore(settings: try S3TestServer.settings(bucket: S3TestServer.uniqueBucket()))
            try await store.createBucket()
            return TestStore(store: store, scratch: scratch)
        }
    }
}

/// moto's address and the credentials Scripts/lib/s3.sh made in it.
enum S3TestServer {
    static var endpoint: String? { ProcessInfo.processInfo.environment["VOUCH_TEST_S3_ENDPOINT"] }

    /// Whether moto was started checking signatures against an access key it issued, so that
    /// wrong credentials are refused.
    static var checksCredentials: Bool {
        endpoint != nil && ProcessInfo.processInfo.environment["VOUCH_TEST_S3_ACCESS_KEY_ID"] != nil
    }

    static func settings(bucket: String, accessKeyID: String? = nil, secretAccessKey: String? = nil) throws -> S3Settings {
        let environment = ProcessInfo.processInfo.environment
        guard let endpoint else { throw MediaStoreError.invalidSettings("VOUCH_TEST_S3_ENDPOINT is not set") }
        return S3Settings(
            endpoint: endpoint, region: "us-east-1", bucket: bucket,
            accessKeyID: accessKeyID ?? environment["VOUCH_TEST_S3_ACCESS_KEY_ID"] ?? "test",
            secretAccessKey: secretAccessKey ?? environment["VOUCH_TEST_S3_SECRET_ACCESS_KEY"] ?? "test"
        )
    }

    /// A bucket name no other test uses.
    static func uniqueBucket() -> String {
        "vouch-test-\(UUID().uuidString.lowercased())"
    }
}

/// A store made for one test, and a scratch folder for the files it puts and downloads.
struct TestStore: Sendable {
    let store: any MediaStore
    let scratch: String

    static func makeScratchFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-media-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `bytes` to a new file in the scratch folder and returns its path.
    func file(_ bytes: [UInt8], named name: String = UUID().uuidString) throws -> String {
        let path = "\(scratch)/\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func removeScratch() {
        try? FileManager.default.removeItem(atPath: scratch)
    }
}

/// Bytes that differ from position to position, so that a misplaced range shows.
func patternedBytes(_ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
}

/// All of a stream's bytes, and how many chunks brought them.
func collect(_ stream: AsyncThrowingStream<ByteBuffer, any Error>) async throws -> (bytes: [UInt8], chunks: [Int]) {
    var bytes: [UInt8] = []
    var chunks: [Int] = []
    for try await chunk in stream {
        bytes += chunk.readableBytesView
        chunks.append(chunk.readableBytes)
    }
    return (bytes, chunks)
}
