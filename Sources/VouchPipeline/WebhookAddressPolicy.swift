import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which URLs a webhook may point to. Only http and https, with a host and no credentials;
/// and unless `allowPrivateAddresses` is set, only hosts whose every address is public,
/// so that registering a webhook cannot make Vouch probe its own network (SSRF).
///
/// The check runs at registration and again before every attempt, which narrows but
/// cannot close the window of a DNS answer that changes in between; deployments that
/// need certainty send webhooks through an egress proxy that enforces the same rule.
public struct WebhookAddressPolicy: Sendable {
    public var allowPrivateAddresses: Bool

    public init(allowPrivateAddresses: Bool) {
        self.allowPrivateAddresses = allowPrivateAddresses
    }

    /// The URL, if a webhook may be sent to it.
    public func check(_ text: String) throws(WebhookURLError) -> URL {
        guard text.count <= 2000, let components = URLComponents(string: text), let url = components.url else { throw .malformed(text) }
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else { throw .scheme(components.scheme ?? "") }
        guard let host = components.host, !host.isEmpty else { throw .malformed(text) }
        guard components.user == nil, components.password == nil else { throw .credentials }
        guard !allowPrivateAddresses else { return url }
        let addresses = Self.resolve(host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))
        guard !addresses.isEmpty else { throw .unresolvable(host) }
        if let blocked = addresses.first(where: \.isInternal) { throw .internalAddress(host: host, address: blocked.description) }
        return url
    }

    private static func resolve(_ host: String) -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(list) }
        var addresses: [IPAddress] = []
        for entry in sequence(first: first, next: { $0.pointee.ai_next }) {
            guard let address = entry.pointee.ai_addr else { continue }
            switch Int32(address.pointee.sa_family) {
            case AF_INET:
                let bytes = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { withUnsafeBytes(of: $0.pointee.sin_addr) { Array($0) } }
                addresses.append(IPAddress(bytes: bytes))
            case AF_INET6:
                let bytes = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { withUnsafeBytes(of: $0.pointee.sin6_addr) { Array($0) } }
                addresses.append(IPAddress(bytes: bytes))
            default:
                continue
            }
        }
        return addresses
    }
}

/// An IPv4 (4 bytes) or IPv6 (16 bytes) address, and whether it is one a public webhook cannot have.
struct IPAddress: CustomStringConvertible {
    var bytes: [UInt8]

    /// Loopback, private, carrier-grade NAT, link-local, unique-local, unspecified or multicast.
    var isInternal: Bool {
        if bytes.count == 16 {
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff {
                return IPAddress(bytes: Array(bytes[12...])).isInternal
            }
            return bytes[0..<15].allSatisfy { $0 == 0 }
                || bytes[0] & 0xfe == 0xfc
                || (bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80)
                || bytes[0] == 0xff
        }
        let (a, b) = (bytes[0], bytes[1])
        return a == 0 || a == 10 || a == 127 || a >= 224
            || (a == 172 && (16...31).contains(b)) || (a == 192 && b == 168)
            || (a == 169 && b == 254) || (a == 100 && (64...127).contains(b))
    }

    var description: String {
        bytes.count == 4 ? bytes.map(String.init).joined(separator: ".")
            : stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }.joined(separator: ":")
    }
}

/// Why a webhook URL was refused.
public enum WebhookURLError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case scheme(String)
    case credentials
    case unresolvable(String)
    case internalAddress(host: String, address: String)

    public var description: String {
        switch self {
        case .malformed(let text): "'\(text.prefix(100))' is not an absolute URL with a host"
        case .scheme(let scheme): "webhook URLs must be http or https, not '\(scheme)'"
        case .credentials: "webhook URLs must not carry a user name or password; the signature authenticates Vouch"
        case .unresolvable(let host): "the host '\(host)' does not resolve"
        case .internalAddress(let host, let address): "the host '\(host)' resolves to \(address), an internal address; webhooks go to public addresses only"
        }
    }
}
