import Foundation
import Testing
import VouchIdentity
import VouchServer
import VouchStore
import VouchTestSupport

/// `vouch platform`, `vouch moderator` and `vouch operator` against a scratch data
/// directory: what they write is in the store, audited, and nowhere in clear.
@Suite struct RegistryCommandTests {
    let directory: URL
    let settings: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        settings = directory.appendingPathComponent("vouch.json").path
        try Data(#"{"server": {"port": 9090}}"#.utf8).write(to: URL(fileURLWithPath: settings))
    }

    func vouch(_ arguments: String..., input: String? = nil) throws -> VouchRun {
        try VouchRun(arguments + ["--config", settings, "--data", directory.path, "--by", "ops"], input: input)
    }

    func withStore<R>(_ body: (Store) async throws -> R) async throws -> R {
        let store = try await Store.open(.embedded(in: directory.path))
        let result = try await body(store)
        try await store.close()
        return result
    }

    func storeBytes() throws -> String {
        String(decoding: try Data(contentsOf: directory.appendingPathComponent("vouch.sqlite")), as: UTF8.self)
    }

    @Test func addsAModeratorWithAnScryptHashAndRemovesThem() async throws {
        let password = "a demo password of some length"
        let added = try vouch("moderator", "add", "--name", "ana", "--role", "admin", "--password-stdin", "--scrypt-cost", "10", input: password + "\n")
        #expect(added.status == 0, "\(added.errors)")
        #expect(try vouch("moderator", "list").output == "ana\tadmin\n")
        let moderator = try #require(try await withStore { try await $0.registry().moderators.first })
        let hash = try PasswordHash(parsing: moderator.passwordHash)
        #expect(moderator.name == "ana" && moderator.role == .admin)
        #expect(hash.cost.log2N == 10 && hash.verify(password) && !hash.verify("another password"))
        let stored = try storeBytes()
        #expect(!stored.contains(password))

        let removed = try vouch("moderator", "remove", "--name", "ana")
        #expect(removed.status == 0, "\(removed.errors)")
        #expect(try vouch("moderator", "list").output.isEmpty)
        let audit = try await withStore { try await $0.auditLog(subject: "moderator:ana") }
        #expect(audit.map(\.action) == ["moderator.removed", "moderator.added"])
        #expect(audit.allSatisfy { $0.actor == "operator:ops" })
    }

    @Test func refusesDuplicatesShortPasswordsOddNamesAndUnknownModerators() throws {
        let add = { (name: String, password: String) in
            try vouch("moderator", "add", "--name", name, "--password-stdin", "--scrypt-cost", "10", input: password + "\n")
        }
        #expect(try add("mo", "long enough password").status == 0)
        let duplicate = try add("mo", "long enough password")
        #expect(duplicate.status != 0 && duplicate.errors.contains("already exists"))
        let short = try add("sam", "short")
        #expect(short.status != 0 && short.errors.contains("at least 12"))
        let odd = try add("sam <script>", "long enough password")
        #expect(odd.status != 0 && odd.errors.contains("not a usable name"))
        let unknown = try vouch("moderator", "remove", "--name", "nobody")
        #expect(unknown.status != 0 && unknown.errors.contains("does not exist"))
    }

    @Test func aMerchantAccountSeesOnlyTheProductsItIsGiven() async throws {
        let added = try vouch("moderator", "add", "--name", "meg", "--role", "merchant", "--product", "kettle", "--product", "toaster",
                              "--password-stdin", "--scrypt-cost", "10", input: "a long enough password\n")
        #expect(added.status == 0, "\(added.errors)")
        #expect(try await withStore { try await $0.merchantProducts("meg") } == ["kettle", "toaster"])
        let wrong = try vouch("moderator", "add", "--name", "mo", "--product", "kettle", "--password-stdin", "--scrypt-cost", "10",
                              input: "a long enough password\n")
        #expect(wrong.status != 0 && wrong.errors.contains("--product is for merchant accounts"))
    }

    @Test func registersAPlatformRotatesItsKeysAndStoresOnlyHashes() async throws {
        try OpenSSLCLI.makeEd25519Key(publicKeyFile: "nw-1.pem", in: directory)
        try OpenSSLCLI.makeEd25519Key(publicKeyFile: "nw-2.pem", in: directory)
        let first = directory.appendingPathComponent("nw-1.pem").path
        let second = directory.appendingPathComponent("nw-2.pem").path

        let result = try vouch("platform", "register", "--id", "northwind", "--name", "Northwind Market", "--key", "nw-1:EdDSA:\(first)")
        #expect(result.status == 0, "\(result.errors)")
        let apiKey = try #require(result.output.split(separator: "\n").last.map(String.init))
        #expect(apiKey.hasPrefix("vk_") && apiKey.count == 46)
        let stored = try storeBytes()
        #expect(!stored.contains(apiKey), "only a hash is stored")
        #expect(try vouch("platform", "list").output.contains("northwind\tNorthwind Market\tkeys: nw-1 (EdDSA)"))

        let again = try vouch("platform", "register", "--id", "northwind", "--name", "Again", "--key", "nw-2:EdDSA:\(second)")
        #expect(again.status != 0 && again.errors.contains("already registered"))

        let alone = try vouch("platform", "key", "retire", "--id", "northwind", "--kid", "nw-1")
        #expect(alone.status != 0 && alone.errors.contains("no attestation key"), "the last key cannot be retired")
        #expect(try vouch("platform", "key", "add", "--id", "northwind", "--key", "nw-2:EdDSA:\(second)").status == 0)
        let retired = try vouch("platform", "key", "retire", "--id", "northwind", "--kid", "nw-1", "--after", "600")
        #expect(retired.status == 0, "\(retired.errors)")

        let rotated = try vouch("platform", "rotate-api-key", "--id", "northwind", "--grace", "600")
        #expect(rotated.status == 0, "\(rotated.errors)")
        let newKey = try #require(rotated.output.split(separator: "\n").last.map(String.init))
        #expect(newKey != apiKey && newKey.hasPrefix("vk_"))

        let platform = try #require(try await withStore { try await $0.registry().platforms.first })
        let soon = Date().addingTimeInterval(120), later = Date().addingTimeInterval(900)
        #expect(platform.keys.map(\.key.id) == ["nw-1", "nw-2"])
        #expect(platform.trust(at: soon).keys.map(\.id) == ["nw-1", "nw-2"], "both keys are accepted during the window")
        #expect(platform.trust(at: later).keys.map(\.id) == ["nw-2"])
        #expect(platform.apiKeys.filter { $0.isAccepted(at: Date()) }.count == 2)
        #expect(platform.apiKeys.filter { $0.isAccepted(at: later) }.count == 1, "the old API key expires after the grace")
        let audit = try await withStore { try await $0.auditLog(subject: "platform:northwind") }.map(\.action)
        #expect(audit == ["platform.api-key-rotated", "platform.key-retired", "platform.key-added", "platform.registered"])
    }

    @Test func refusesAKeyWithoutAnAlgorithm() throws {
        let result = try vouch("platform", "register", "--id", "x", "--name", "X", "--key", "k1:HS256:/dev/null")
        #expect(result.status != 0)
        #expect(result.errors.contains("RS256, ES256, EdDSA"))
    }

    @Test func aSettingsFileOfAnEarlierVersionMovesIntoTheStore() async throws {
        let hash = try PasswordHash.make(password: "an old moderator's password", cost: .init(log2N: 10))
        let legacy = """
            {"identity": {"platforms": [{"id": "old-shop", "name": "Old Shop", "apiKeySHA256": "\(String(repeating: "ab", count: 32))",
              "keys": [{"id": "k1", "algorithm": "EdDSA", "material": {"ed25519": {"x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}}}]}]},
             "moderation": {"users": [{"name": "olga", "role": "moderator", "passwordHash": "\(hash)"}]}}
            """
        try Data(legacy.utf8).write(to: URL(fileURLWithPath: settings))
        let listed = try vouch("platform", "list")
        #expect(listed.status == 0, "\(listed.errors)")
        #expect(listed.output.contains("old-shop\tOld Shop\tkeys: k1 (EdDSA)"))
        #expect(listed.errors.contains("Moved from"))
        #expect(try vouch("moderator", "list").output == "olga\tmoderator\n")
        let audit = try await withStore { try await $0.auditLog(subject: "platform:old-shop") }
        #expect(audit.map(\.action) == ["platform.imported"], "imported once, however often a command runs")
    }

    @Test func issuesAndRevokesOperatorTokens() async throws {
        let added = try vouch("operator", "add", "--name", "olive")
        #expect(added.status == 0, "\(added.errors)")
        let token = try #require(added.output.split(separator: "\n").last.map(String.init))
        let stored = try storeBytes()
        #expect(token.hasPrefix("vo_") && !stored.contains(token))
        #expect(try await withStore { try await $0.operatorToken(sha256: ClipDigest.sha256Hex(of: Data(token.utf8))) } == "olive")
        #expect(try vouch("operator", "list").output == "olive\n")
        #expect(try vouch("operator", "remove", "--name", "olive").status == 0)
        #expect(try await withStore { try await $0.operatorToken(sha256: ClipDigest.sha256Hex(of: Data(token.utf8))) } == nil)
    }
}
