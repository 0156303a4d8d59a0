import Foundation

/// A file that holds a key: created readable by its owner only, and refused when anyone
/// else could read it, since whoever reads it can sign as Vouch.
public struct SecretFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The file's bytes, or nil when it does not exist.
    public func read() throws(SecretFileError) -> Data? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        guard mode & 0o077 == 0 else { throw .exposed(path: path, mode: mode) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path, reason: "it cannot be read") }
        return data
    }

    /// Writes `contents` to a new file, mode 0600, in a folder made if need be (mode 0700).
    public func create(_ contents: Data) throws(SecretFileError) {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        guard FileManager.default.createFile(atPath: path, contents: contents, attributes: [.posixPermissions: 0o600]) else {
            throw .unreadable(path: path, reason: "the file cannot be created")
        }
    }
}

/// Why a key file could not be used.
public enum SecretFileError: Error, Equatable, CustomStringConvertible {
    case exposed(path: String, mode: Int)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .exposed(let path, let mode):
            return "\(path) is readable by others (mode \(String(mode, radix: 8))): anyone who reads it can sign as this Vouch. Run chmod 600 \(path)"
        case .unreadable(let path, let reason):
            return "\(path) cannot be used: \(reason)"
        }
    }
}
