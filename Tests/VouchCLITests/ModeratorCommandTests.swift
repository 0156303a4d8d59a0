import Foundation
import Testing
import VouchServer

/// `vouch moderator add` and `list`, against a scratch settings file.
@Suite struct ModeratorCommandTests {
    let cli = VouchCommandTests()

    func scratchSettings() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-moderator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let settings = directory.appendingPathComponent("vouch.json").path
        try Data(#"{"server": {"port": 9090}}"#.utf8).write(to: URL(fileURLWithPath: settings))
        return settings
    }

    @Test func addsAModeratorWithAnScryptHashOfThePassword() throws {
        let settings = try scratchSettings()
        let password = "a demo password of some length"
        let result = try cli.vouch("moderator", "add", "--name", "ana", "--role", "admin", "--password-stdin", "--scrypt-cost", "10",
                                   "--config", settings, input: password + "\n")
        #expect(result.status == 0, "\(result.errors)")
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: settings)), as: UTF8.self)
        #expect(!text.contains(password))
        let saved = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let user = try #require(((saved["moderation"] as? [String: Any])?["users"] as? [[String: Any]])?.first)
        #expect(user["name"] as? String == "ana" && user["role"] as? String == "admin")
        let hash = try PasswordHash(parsing: try #require(user["passwordHash"] as? String))
        #expect(hash.cost.log2N == 10 && hash.verify(password) && !hash.verify("another password"))
        #expect((saved["server"] as? [String: Any])?["port"] as? Int == 9090, "other sections are kept")

        let listed = try cli.vouch("moderator", "list", "--config", settings)
        #expect(listed.output == "ana\tadmin\n")
    }

    @Test func refusesDuplicatesShortPasswordsAndOddNames() throws {
        let settings = try scratchSettings()
        let add = { (name: String, password: String) in
            try cli.vouch("moderator", "add", "--name", name, "--password-stdin", "--scrypt-cost", "10", "--config", settings, input: password + "\n")
        }
        #expect(try add("mo", "long enough password").status == 0)
        let duplicate = try add("mo", "long enough password")
        #expect(duplicate.status != 0 && duplicate.errors.contains("already"))
        let short = try add("sam", "short")
        #expect(short.status != 0 && short.errors.contains("at least 12"))
        let odd = try add("sam <script>", "long enough password")
        #expect(odd.status != 0 && odd.errors.contains("not a usable name"))
    }
}
