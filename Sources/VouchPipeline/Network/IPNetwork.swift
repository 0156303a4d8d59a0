/// A block of addresses in CIDR notation (`10.0.0.0/8`, `fd00::/8`, or one address): the
/// special-purpose ranges webhooks may not reach, and the reverse proxies that
/// `server.trustedProxies` trusts.
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    public let prefix: IPAddress
    public let length: Int

    /// From `address` or `address/length`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        guard let first = parts.first, let address = IPAddress(first) else { return nil }
        let length = parts.count == 2 ? Int(parts[1]) : address.bytes.count * 8
        guard let length, (0...address.bytes.count * 8).contains(length) else { return nil }
        self.init(address, length: length)
    }

    /// The block of `length` bits that holds `address`.
    public init(_ address: IPAddress, length: Int) {
        prefix = IPAddress(bytes: Self.masked(address.bytes, to: length))!
        self.length = length
    }

    public func contains(_ address: IPAddress) -> Bool {
        address.bytes.count == prefix.bytes.count && Self.masked(address.bytes, to: length) == prefix.bytes
    }

    public var description: String { "\(prefix)/\(length)" }

    /// The first `length` bits of `bytes`, the rest zero.
    private static func masked(_ bytes: [UInt8], to length: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let kept = min(8, max(0, length - index * 8))
            return kept == 8 ? byte : byte & ~(0xff >> kept)
        }
    }
}
