import ArgumentParser
import Foundation
import VouchMediaStore
import Logging
import VouchLog
import VouchPipeline
import VouchConfiguration
import VouchStore

/// `--database` and `--data`, shared by the commands that use the store, and the store,
/// spool and key files they locate.
public struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The store: a postgres:// URL to share one database between many processes, or a SQLite file.",
        discussion: "Defaults to $VOUCH_DATABASE, then DATA/vouch.sqlite (the embedded default).",
        valueName: "url-or-path"
    ))
    public var database: String?

    @Option(name: .long, help: ArgumentHelp("The data directory: the embedded database and the upload spool.", valueName: "dir"))
    public var data: String = ProcessInfo.processInfo.environment["VOUCH_DATA"] ?? ".vouch"

    public init() {}

    public var location: StoreLocation {
        get throws {
            guard let text = database ?? ProcessInfo.processInfo.environment["VOUCH_DATABASE"] else { return .embedded(in: data) }
            do {
                return try StoreLocation(parsing: text)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    /// The store for a one-off operator command: migrated, with the settings' queue policy,
    /// logging only errors so that the command's own output stays readable.
    public func openQuietly(_ settings: VouchSettings) async throws -> Store {
        var logger = Logger(label: "vouch.store")
        logger.logLevel = .error
        return try await Store.open(try location, queue: settings.pipeline.queue, logger: logger)
    }

    /// The media store `mediaStore` names, a relative directory under the data directory.
    public func mediaStore(_ settings: MediaStoreSettings) throws -> any MediaStore {
        do {
            return try settings.store(dataDirectory: URL(fileURLWithPath: data))
        } catch {
            throw ValidationError(error.description)
        }
    }

    public var spoolDirectory: URL {
        URL(fileURLWithPath: data).appendingPathComponent("spool", isDirectory: true)
    }

    /// The review log's key file: `log.keyFile`, under the data directory unless absolute.
    public func logKeyFile(_ settings: LogSettings) -> LogKeyFile {
        LogKeyFile(path: settings.keyFile.hasPrefix("/") ? settings.keyFile : URL(fileURLWithPath: data).appendingPathComponent(settings.keyFile).path)
    }

    /// The key that seals webhook secrets: made on first use on the embedded store; with
    /// PostgreSQL it must be given, and a process without it keeps no secret in clear.
    public func secretSeal(_ settings: WebhookSettings) throws -> SecretSeal {
        let file = SecretFile(path: settings.secretKeyFile.hasPrefix("/") ? settings.secretKeyFile
            : URL(fileURLWithPath: data).appendingPathComponent(settings.secretKeyFile).path)
        if let text = try file.read() {
            guard let key = Data(base64Encoded: String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw ValidationError("\(file.path) does not hold a base64 key")
            }
            return try SecretSeal(keyData: key)
        }
        guard case .sqlite = try location else {
            throw ValidationError("\(file.path) does not exist: make it once (head -c 32 /dev/urandom | base64 > \(file.path); chmod 600 \(file.path)) and give every API and worker process the same file")
        }
        let key = SecretSeal.newKey()
        try file.create(Data((key.base64EncodedString() + "\n").utf8))
        return try SecretSeal(keyData: key)
    }

    /// The key this process signs checkpoints with. On the embedded store it is created on
    /// first use; on PostgreSQL it must be given to each signing process, so that every
    /// one signs with the same key, and a process without it does not sign.
    public func logSigner(_ settings: LogSettings) throws -> NoteSigner? {
        let file = logKeyFile(settings)
        if case .sqlite = try location { return try file.loadOrCreate(origin: settings.origin) }
        return try file.load(origin: settings.origin)
    }
}
