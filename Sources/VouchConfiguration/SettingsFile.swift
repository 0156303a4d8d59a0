import Foundation

/// Which settings file a process reads: `--config`, then `$VOUCH_CONFIG`, then
/// `Config/vouch.json`. A file named on purpose must exist; the default may be absent,
/// and the built-in defaults then apply.
public struct SettingsFile: Sendable, Equatable {
    public static let defaultPath = "Config/vouch.json"

    public var path: String
    public var isRequired: Bool

    public init(path: String, isRequired: Bool) {
        self.path = path
        self.isRequired = isRequired
    }

    /// The file `--config` (nil when not given) and the environment choose.
    public init(option: String?, environment: [String: String]) {
        let named = option ?? environment["VOUCH_CONFIG"]
        self.init(path: named ?? Self.defaultPath, isRequired: named != nil)
    }

    /// The directory the file's relative paths (such as moderator files) are read from.
    public var directory: URL {
        URL(fileURLWithPath: path).deletingLastPathComponent()
    }

    /// The file's settings as a tree, or nil when it is absent and need not exist.
    func tree() throws -> SettingsTree? {
        guard FileManager.default.fileExists(atPath: path) else {
            if isRequired { throw SettingsError.missingFile(path: path) }
            return nil
        }
        do {
            return try JSONDecoder().decode(SettingsTree.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let error as DecodingError {
            throw SettingsError.invalidFile(path: path, key: nil, reason: error.explanation.reason)
        } catch {
            throw SettingsError.invalidFile(path: path, key: nil, reason: "\(error.localizedDescription)")
        }
    }
}

extension DecodingError {
    /// The dotted key the error is about (nil at the top), and what is wrong there.
    var explanation: (key: String?, reason: String) {
        switch self {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (key.isEmpty ? nil : key, context.debugDescription)
        @unknown default:
            return (nil, "\(self)")
        }
    }
}
