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

    /// The key, or nil when the file does not exist; an error when it was made for
    /// another origin than `origin` (the settings' `log.origin`).
    ///
    /// The origin is part of the key's name and of every checkpoint it signs, so a changed
    /// `log.origin` cannot apply to an existing key: starting anyway would sign under the
    /// old name while the operator believes the new one is published.
    public func load(origin: String) throws -> NoteSigner? {
        guard let signer = try load() else { return nil }
        guard signer.verifier.name == origin else {
            throw LogKeyError.originMismatch(path: path, keyOrigin: signer.verifier.name, settingsOrigin: origin)
        }
        return signer
    }

    /// The key, whatever origin it names, or nil when the file does not exist.
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
        if let signer = try load(origin: origin) { return signer }
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
    /// The key names another log than the settings do.
    case originMismatch(path: String, keyOrigin: String, settingsOrigin: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "the review log's key \(path) cannot be used: \(reason)"
        case .originMismatch(let path, let keyOrigin, let settingsOrigin):
            return "the review log's key \(path) was made for origin '\(keyOrigin)', but log.origin is '\(settingsOrigin)': "
                + "an origin cannot change once its key exists; set log.origin back, or start a new log with a new key"
        }
    }
}
