import ArgumentParser
import Foundation
import VouchIdentity

/// `vouch platform`: the platforms that submit clips, as the operator registers them.
struct PlatformCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "platform",
        abstract: "Register the platforms that submit clips, and list them.",
        subcommands: [PlatformRegisterCommand.self, PlatformListCommand.self]
    )
}

/// `vouch platform register`: adds a platform to the settings file and prints its API key once.
struct PlatformRegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register a platform: its id, name and attestation keys. Prints a new API key once; only its hash is stored.",
        discussion: "Keys come from a JWKS document (--jwks, whose keys must each declare kid and alg) or PEM files (--key kid:ALG:file.pem, ALG one of RS256, ES256, EdDSA)."
    )

    @Option(help: "The platform's id: the iss of its attestations.")
    var id: String

    @Option(help: "The platform's display name.")
    var name: String

    @Option(help: "A JWKS document with the platform's public keys, stored by path.", completion: .file())
    var jwks: String?

    @Option(help: ArgumentHelp("A PEM public key, as kid:ALG:path; repeatable.", valueName: "kid:alg:file"))
    var key: [String] = []

    @OptionGroup var settings: SettingsOptions

    func run() throws {
        let current = FileManager.default.fileExists(atPath: settings.path) ? try settings.load() : VouchSettings()
        guard !current.identity.platforms.contains(where: { $0.id == id }) else {
            throw ValidationError("platform '\(id)' is already registered in \(settings.path)")
        }
        guard jwks != nil || !key.isEmpty else { throw ValidationError("give the platform's keys with --jwks or --key") }
        let pemKeys = try key.map(Self.pemKey)
        if let jwks {
            do {
                _ = try PlatformKey.keys(fromJWKS: Data(contentsOf: URL(fileURLWithPath: jwks)))
            } catch let problem as PlatformKey.JWKSProblem {
                throw ValidationError("\(jwks): \(problem)")
            }
        }
        let (apiKey, hash) = APIKey.generate()
        let registration = PlatformRegistration(id: id, name: name, keys: pemKeys.isEmpty ? nil : pemKeys, jwksFile: jwks, apiKeySHA256: hash)
        try SettingsFile(path: settings.path).appendPlatform(registration)
        print("Registered platform '\(id)' in \(settings.path).")
        print("Its API key, shown only now (Vouch stores its SHA-256):")
        print(apiKey)
    }

    private static func pemKey(_ text: String) throws -> PlatformKey {
        let parts = text.split(separator: ":", maxSplits: 2).map(String.init)
        guard parts.count == 3, let algorithm = AttestationAlgorithm(rawValue: parts[1]) else {
            throw ValidationError("--key takes kid:ALG:file, ALG one of \(AttestationAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")); got '\(text)'")
        }
        guard let pem = try? String(contentsOfFile: parts[2], encoding: .utf8), pem.contains("PUBLIC KEY") else {
            throw ValidationError("\(parts[2]) is not a readable PEM public key")
        }
        return PlatformKey(id: parts[0], algorithm: algorithm, pem: pem)
    }
}

/// `vouch platform list`: the registered platforms and their key ids.
struct PlatformListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the registered platforms.")

    @OptionGroup var settings: SettingsOptions

    func run() throws {
        let identity = try settings.load().identity
        let directory = URL(fileURLWithPath: settings.path).deletingLastPathComponent()
        for platform in identity.platforms {
            let keys = (try? platform.trust(relativeTo: directory).keys.map { "\($0.id) (\($0.algorithm.rawValue))" }) ?? ["unreadable keys"]
            print("\(platform.id)\t\(platform.name)\t\(keys.joined(separator: ", "))")
        }
    }
}

/// Edits the settings file in place, keeping every section this command does not own.
struct SettingsFile {
    let path: String

    func appendPlatform(_ registration: PlatformRegistration) throws {
        var root = (try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))) as? [String: Any] ?? [:]
        var identity = root["identity"] as? [String: Any] ?? [:]
        var platforms = identity["platforms"] as? [Any] ?? []
        platforms.append(try JSONSerialization.jsonObject(with: JSONEncoder().encode(registration)))
        identity["platforms"] = platforms
        root["identity"] = identity
        try write(root)
    }

    /// Writes the settings, readable by their owner only: they hold password and API-key
    /// hashes, and may hold the metrics token.
    func write(_ root: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }
}
