import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An IPv4 or IPv6 network in CIDR notation (`10.0.0.0/8`, `fd00::/8`, or one address),
/// as `server.trustedProxies` lists the reverse proxies whose forwarding headers count.
public struct IPNetwork: Sendable, Equatable, CustomStringConvertible {
    /// The network's address bytes: 4 for IPv4, 16 for IPv6.
    public let address: [UInt8]
    public let prefixLength: Int

    /// From `address` or `address/prefix`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        guard let first = parts.first, let bytes = IPNetwork.bytes(of: first) else { return nil }
        let length = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
        guard let length, (0...bytes.count * 8).contains(length) else { return nil }
        address = bytes
        prefixLength = length
    }

    /// The network of `length` bits that holds the address `bytes`.
    init(prefix bytes: [UInt8], length: Int) {
        address = IPNetwork.prefix(of: bytes, length: length)
        prefixLength = length
    }

    /// Whether `bytes` (an address of the same family) is in this network.
    public func contains(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == address.count else { return false }
        return IPNetwork.prefix(of: bytes, length: prefixLength) == IPNetwork.prefix(of: address, length: prefixLength)
    }

    public var description: String { "\(IPNetwork.text(of: address))/\(prefixLength)" }

    /// An address's bytes from its text form, IPv4-mapped IPv6 addresses as IPv4; nil if it is not an address.
    static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
        return mapped ? Array(bytes[12...]) : bytes
    }

    /// The first `length` bits of `bytes`, the rest zero.
    static func prefix(of bytes: [UInt8], length: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let kept = min(8, max(0, length - index * 8))
            return kept == 8 ? byte : byte & ~(0xff >> kept)
        }
    }

    /// The text form of 4 or 16 address bytes.
    static func text(of bytes: [UInt8]) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        return bytes.withUnsafeBytes { raw in
            inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count)) == nil ? "?" : String(cString: buffer)
        }
    }
}
