import Foundation

/// A webhook URL taken apart once for sending: scheme, host, port and request target. The
/// policy checks this host and the sender writes this request, so the two cannot disagree
/// about what a URL means.
public struct WebhookTarget: Sendable, Equatable {
    /// The host as written, without an IPv6 literal's brackets.
    public let host: String
    public let port: Int
    public let usesTLS: Bool
    /// The path and query, as the request line carries them.
    let requestTarget: String

    /// Only http and https, with a host, a valid port and no credentials.
    public init(parsing text: String) throws(WebhookURLError) {
        guard text.count <= 2000, let components = URLComponents(string: text), components.url != nil else { throw .malformed(text) }
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else { throw .scheme(components.scheme ?? "") }
        let host = (components.host ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        guard !host.isEmpty else { throw .malformed(text) }
        guard components.user == nil, components.password == nil else { throw .credentials }
        usesTLS = scheme == "https"
        let port = components.port ?? (usesTLS ? 443 : 80)
        guard (1...65535).contains(port) else { throw .malformed(text) }
        self.host = host
        self.port = port
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        requestTarget = components.percentEncodedQuery.map { "\(path)?\($0)" } ?? path
    }

    /// The `Host` header: the name the receiver was registered under, never the address
    /// the request is sent to.
    var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (usesTLS ? 443 : 80) ? name : "\(name):\(port)"
    }
}
