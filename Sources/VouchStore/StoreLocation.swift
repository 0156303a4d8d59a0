import Foundation

/// Where the store lives: an embedded SQLite file (the default, no server to run) or a
/// PostgreSQL database that many `vouch serve` and `vouch worker` processes share.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// Reads `--database`: a `postgres://` or `postgresql://` URL, a `sqlite://` URL, or a file path.
    public init(parsing text: String) throws(StoreError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            guard let url = URLComponents(string: trimmed), url.host?.isEmpty == false, url.user != nil else {
                throw .invalidLocation(text, reason: "a PostgreSQL URL needs a user and a host: postgres://user:password@host:5432/database")
            }
            self = .postgres(url: trimmed)
        } else if trimmed.hasPrefix("sqlite://") {
            let path = String(trimmed.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw .invalidLocation(text, reason: "sqlite:// needs a file path, as in sqlite:///var/lib/vouch/vouch.sqlite") }
            self = .sqlite(path: path)
        } else if trimmed.contains("://") {
            throw .invalidLocation(text, reason: "only postgres://, postgresql:// and sqlite:// URLs, or a file path, are understood")
        } else if trimmed.isEmpty {
            throw .invalidLocation(text, reason: "the database location is empty")
        } else {
            self = .sqlite(path: trimmed)
        }
    }

    /// The embedded default: `vouch.sqlite` inside the data directory.
    public static func embedded(in dataDirectory: String) -> StoreLocation {
        .sqlite(path: URL(fileURLWithPath: dataDirectory).appendingPathComponent("vouch.sqlite").path)
    }

    /// The location with any password hidden, for logs and errors.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite://\(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://…" }
            if components.password != nil { components.password = "redacted" }
            return components.string ?? "postgres://…"
        }
    }
}
