import Crypto
import Foundation
import VouchEncoding

/// Where uploads wait on disk until a worker has analysed them.
///
/// Each upload has a file of its own (`<first two hex digits>/<SHA-256>-<random>`), even
/// when another upload carried the same bytes: one clip's file is then never deleted
/// by another's refusal or analysis. An upload is written to a temporary file while it
/// is hashed, and renamed into place only when complete, so a crash mid-upload leaves
/// no half file under a real name; ``SpoolSweeper`` removes what crashes leave behind.
public struct Spool: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Starts receiving an upload of at most `limit` bytes.
    public func begin(limit: Int64) throws(SpoolError) -> SpoolWriter {
        do {
            try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(directory.path, reason: error.localizedDescription)
        }
        return try SpoolWriter(temporary: incoming.appendingPathComponent(UUID().uuidString), spool: self, limit: limit)
    }

    func destination(for sha256: String) -> URL {
        directory.appendingPathComponent(String(sha256.prefix(2)), isDirectory: true).appendingPathComponent("\(sha256)-\(UUID().uuidString)")
    }

    /// Where uploads are written while they arrive.
    public var incoming: URL { directory.appendingPathComponent("incoming", isDirectory: true) }

    /// Deletes a spooled upload; a file already gone is not an error.
    public func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// An upload on disk: where it is, and what it is.
public struct SpooledUpload: Sendable, Equatable {
    public var path: String
    public var sha256: String
    public var byteCount: Int64
}

/// Why an upload could not be spooled.
public enum SpoolError: Error, Equatable, CustomStringConvertible {
    case tooLarge(limit: Int64)
    case empty
    case unwritable(String, reason: String)

    public var description: String {
        switch self {
        case .tooLarge(let limit): return "the upload is larger than the limit of \(limit) bytes"
        case .empty: return "the upload is empty"
        case .unwritable(let path, let reason): return "cannot write the upload to \(path): \(reason)"
        }
    }
}

/// Receives one upload chunk by chunk, hashing as it writes.
public final class SpoolWriter {
    private let temporary: URL
    private let spool: Spool
    private let limit: Int64
    private let handle: FileHandle
    private var hasher = SHA256()
    private var written: Int64 = 0
    private var finished = false

    init(temporary: URL, spool: Spool, limit: Int64) throws(SpoolError) {
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: temporary.path)
        else { throw .unwritable(temporary.path, reason: "cannot create the file") }
        self.temporary = temporary
        self.spool = spool
        self.limit = limit
        self.handle = handle
    }

    deinit {
        if !finished { discard() }
    }

    /// Appends a chunk; throws ``SpoolError/tooLarge(limit:)`` (and discards the file) past the limit.
    public func write(_ bytes: some Collection<UInt8>) throws(SpoolError) {
        written += Int64(bytes.count)
        guard written <= limit else {
            discard()
            throw .tooLarge(limit: limit)
        }
        let data = Data(bytes)
        hasher.update(data: data)
        do {
            try handle.write(contentsOf: data)
        } catch {
            discard()
            throw .unwritable(temporary.path, reason: error.localizedDescription)
        }
    }

    /// Flushes the file to disk and moves it to its content address.
    public func finish() throws(SpoolError) -> SpooledUpload {
        guard written > 0 else {
            discard()
            throw .empty
        }
        let sha256 = hasher.finalize().hexEncodedString
        let destination = spool.destination(for: sha256)
        do {
            try handle.synchronize()
            try handle.close()
            finished = true
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: temporary, to: destination)
        } catch {
            discard()
            throw .unwritable(destination.path, reason: error.localizedDescription)
        }
        return SpooledUpload(path: destination.path, sha256: sha256, byteCount: written)
    }

    /// Abandons the upload and deletes what was written.
    public func discard() {
        if !finished { try? handle.close() }
        finished = true
        try? FileManager.default.removeItem(at: temporary)
    }
}
