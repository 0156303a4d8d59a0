import ArgumentParser
import Foundation
import VouchIdentity
import VouchStore

/// `vouch platform`: the platforms that submit clips, registered in the store so every
/// process of the fleet accepts them within seconds, with no restart.
struct PlatformCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "platform",
        abstract: "Register the platforms that submit clips, rotate their keys, and list them.",
        subcommands: [PlatformRegisterCommand.self, PlatformListCommand.self, PlatformKeyCommand.self, PlatformRotateAPIKeyCommand.self]
    )
}

/// `vouch platform register`: adds a platform to the store and prints its API key once.
struct PlatformRegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register a platform: its id, name and attestation keys. Prints a new API key once; only its hash is stored.",
        discussion: "Keys come from a JWKS document (--jwks, whose keys must each declare kid and alg) or PEM files (--key kid:ALG:file.pem, ALG one of RS256, ES256, EdDSA). Running processes accept the platform within server.registryRefreshSeconds."
    )

    @Option(help: "The platform's id: the iss of its attestations.")
    var id: String

    @Option(help: "The platform's display name.")
    var name: String

    @OptionGroup var keys: PlatformKeyOptions
    @OptionGroup var registry: RegistryOptions

    func run() async throws {
        let keys = try keys.keys()
        let (apiKey, hash) = APIKey.generate()
        try await registry.withStore { store in
            try await store.registerPlatform(id: id, name: name, keys: keys, apiKeySHA256: hash, by: try registry.actor)
        }
        print("Registered platform '\(id)' with keys \(keys.map(\.id).joined(separator: ", ")).")
        print("Its API key, shown only now (Vouch stores its SHA-256):")
        print(apiKey)
    }
}

/// `vouch platform list`: the registered platforms, their keys and API keys' windows.
struct PlatformListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the registered platforms, their attestation keys and API keys.")

    @OptionGroup var registry: RegistryOptions

    func run() async throws {
        let platforms = try await registry.withStore { try await $0.registry().platforms }
        let now = Date()
        for platform in platforms {
            let keys = platform.keys.map { key in "\(key.key.id) (\(key.key.algorithm.rawValue)\(Self.window(key.retiresAt, now: now, verb: "retires")))" }
            let apiKeys = platform.apiKeys.filter { $0.isAccepted(at: now) }
                .map { "sha256 \($0.sha256.prefix(12))…\(Self.window($0.expiresAt, now: now, verb: "expires"))" }
            print("\(platform.id)\t\(platform.name)\tkeys: \(keys.joined(separator: ", "))\tAPI keys: \(apiKeys.joined(separator: ", "))")
        }
    }

    private static func window(_ end: Date?, now: Date, verb: String) -> String {
        guard let end else { return "" }
        return end <= now ? ", retired" : ", \(verb) \(ISO8601DateFormatter().string(from: end))"
    }
}

/// `vouch platform key`: adds and retires attestation keys, so a platform can rotate its
/// signing key with both keys accepted for a while.
struct PlatformKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Add a platform's new attestation key, or retire an old one.",
        subcommands: [PlatformKeyAddCommand.self, PlatformKeyRetireCommand.self]
    )
}

/// `vouch platform key add`: a further accepted key.
struct PlatformKeyAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Accept a further attestation key for a platform, beside its others.")

    @Option(help: "The platform's id.")
    var id: String

    @OptionGroup var keys: PlatformKeyOptions
    @OptionGroup var registry: RegistryOptions

    func run() async throws {
        let keys = try keys.keys()
        try await registry.withStore { store in
            for key in keys { try await store.addPlatformKey(key, platform: id, by: try registry.actor) }
        }
        print("Platform '\(id)' now also accepts \(keys.map(\.id).joined(separator: ", ")).")
    }
}

/// `vouch platform key retire`: stops accepting a key, now or after a grace period.
struct PlatformKeyRetireCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retire", abstract: "Stop accepting one of a platform's attestation keys, now or after --after seconds.",
        discussion: "Refused when no other key of the platform would still be accepted: add the new key first."
    )

    @Option(help: "The platform's id.")
    var id: String

    @Option(help: "The key id (kid) to retire.")
    var kid: String

    @Option(help: "Seconds from now until the key stops being accepted.")
    var after: Double = 0

    @OptionGroup var registry: RegistryOptions

    func run() async throws {
        let date = Date().addingTimeInterval(after)
        try await registry.withStore { try await $0.retirePlatformKey(kid, platform: id, at: date, by: try registry.actor) }
        print("Key '\(kid)' of platform '\(id)' is accepted until \(ISO8601DateFormatter().string(from: date)).")
    }
}

/// `vouch platform rotate-api-key`: a new API key, with the old ones kept for a grace period.
struct PlatformRotateAPIKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-api-key",
        abstract: "Issue a platform a new API key; its old keys keep working for --grace seconds (0 revokes them at once).",
        discussion: "Prints the new key once; only its hash is stored."
    )

    @Option(help: "The platform's id.")
    var id: String

    @Option(help: "Seconds the old keys keep working, so the platform can deploy the new one.")
    var grace: Double = 3600

    @OptionGroup var registry: RegistryOptions

    func run() async throws {
        let (apiKey, hash) = APIKey.generate()
        let expiry = Date().addingTimeInterval(grace)
        try await registry.withStore { try await $0.rotateAPIKey(platform: id, newSHA256: hash, othersExpireAt: expiry, by: try registry.actor) }
        print("Platform '\(id)' has a new API key; its previous keys stop working at \(ISO8601DateFormatter().string(from: expiry)).")
        print("The new key, shown only now:")
        print(apiKey)
    }
}
