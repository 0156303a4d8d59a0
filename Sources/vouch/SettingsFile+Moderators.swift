import Foundation
import VouchServer

extension SettingsFile {
    /// Adds a moderator to `moderation.users`, keeping every other section and setting.
    func appendModerator(_ account: ModeratorAccount) throws {
        var root = (try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))) as? [String: Any] ?? [:]
        var moderation = root["moderation"] as? [String: Any] ?? [:]
        moderation["users"] = (moderation["users"] as? [Any] ?? []) + [try JSONSerialization.jsonObject(with: JSONEncoder().encode(account))]
        root["moderation"] = moderation
        try write(root)
    }
}
