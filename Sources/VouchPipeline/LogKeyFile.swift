import Foundation
import VouchLog

/// The review log's signing key on disk: the key source every signing process reads.
///
/// The file holds one line in the signed-note private-key format (as Go's
/// `golang.org/x/mod/sumdb/note` writes it) and is created with mode 0600.
public struct LogKeyFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The key, or nil when the file does not exist.
    public func load() throws -> NoteSigner? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw LogKeyError.unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        do {
            return try NoteSigner(parsing: text)
        } catch {
            throw LogKeyError.unreadable(path: path, reason: error.description)
        }
    }

    /// The key, made for `origin` and written first when the file does not exist.
    public func loadOrCreate(origin: String) throws -> NoteSigner {
        if let signer = try load() { return signer }
        let signer: NoteSigner
        do {
            signer = try NoteSigner.generate(name: origin)
        } catch {
            throw LogKeyError.unreadable(path: path, reason: "log.origin cannot name a key: \(error.description)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        guard FileManager.default.createFile(atPath: path, contents: Data((signer.encoded + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw LogKeyError.unreadable(path: path, reason: "the file cannot be created")
        }
        return signer
    }
}

/// Why the log's key file could not be used.
public enum LogKeyError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "the review log's key \(path) cannot be used: \(reason)"
        }
    }
}
