import Foundation
import VouchLog

/// The review log's signing key on disk: the key source every signing process reads.
///
/// The file holds one line in the signed-note private-key format (as Go's
/// `golang.org/x/mod/sumdb/note` writes it); it is a ``SecretFile``: created with mode
/// 0600, and refused when group or others may read it.
public struct LogKeyFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The key, or nil when the file does not exist.
    public func load() throws -> NoteSigner? {
        let data: Data
        do {
            guard let read = try SecretFile(path: path).read() else { return nil }
            data = read
        } catch {
            throw LogKeyError.unreadable(path: path, reason: error.description)
        }
        do {
            return try NoteSigner(parsing: String(decoding: data, as: UTF8.self))
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
        do {
            try SecretFile(path: path).create(Data((signer.encoded + "\n").utf8))
        } catch {
            throw LogKeyError.unreadable(path: path, reason: error.description)
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
