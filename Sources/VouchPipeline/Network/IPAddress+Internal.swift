extension IPAddress {
    /// Whether a webhook may not be sent here: anything but a public unicast address.
    ///
    /// IPv4 refuses the special-purpose blocks of RFC 6890 and its successors. IPv6 allows
    /// global unicast (2000::/3) only, less the special blocks inside it; everything else,
    /// the deprecated IPv4-compatible `::a.b.c.d` and site-local `fec0::/10` included,
    /// is refused without a list to fall behind. Two forms are judged by the IPv4 address they
    /// carry, because that is where a connection to them ends up: IPv4-mapped `::ffff:a.b.c.d`,
    /// and the well-known NAT64 prefix `64:ff9b::/96`. NAT64 is checked rather than refused
    /// because on an IPv6-only host behind DNS64 every public receiver resolves into it;
    /// RFC 6052 forbids translators to reach non-global IPv4 through it, and checking the
    /// embedded address refuses `64:ff9b::127.0.0.1` even where a translator would not.
    /// The local-use NAT64 prefix `64:ff9b:1::/48` has no fixed layout, so it is refused.
    public var isInternal: Bool {
        if let carried = embeddedIPv4 { return carried.isInternal }
        if isIPv4 { return Self.specialIPv4.contains { $0.contains(self) } }
        return !Self.globalUnicast.contains(self) || Self.specialIPv6.contains { $0.contains(self) }
    }

    /// The address itself, or, for an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`), the IPv4
    /// address it stands for: one client whichever way its address was written.
    public var unmapped: IPAddress {
        guard !isIPv4, Self.mapped.contains(self) else { return self }
        return IPAddress(bytes: bytes[12...])!
    }

    /// The IPv4 address an IPv4-mapped or well-known-prefix NAT64 address stands for.
    var embeddedIPv4: IPAddress? {
        guard !isIPv4, Self.mapped.contains(self) || Self.wellKnownNAT64.contains(self) else { return nil }
        return IPAddress(bytes: bytes[12...])
    }

    private static let specialIPv4 = [
        "0.0.0.0/8",        // "this network"
        "10.0.0.0/8",       // private
        "100.64.0.0/10",    // carrier-grade NAT
        "127.0.0.0/8",      // loopback
        "169.254.0.0/16",   // link-local, cloud metadata services
        "172.16.0.0/12",    // private
        "192.0.0.0/24",     // IETF protocol assignments
        "192.0.2.0/24",     // documentation
        "192.88.99.0/24",   // 6to4 relay anycast
        "192.168.0.0/16",   // private
        "198.18.0.0/15",    // benchmarking
        "198.51.100.0/24",  // documentation
        "203.0.113.0/24",   // documentation
        "224.0.0.0/3",      // multicast, reserved, broadcast
    ].map { IPNetwork($0)! }

    private static let globalUnicast = IPNetwork("2000::/3")!
    private static let mapped = IPNetwork("::ffff:0:0/96")!
    private static let wellKnownNAT64 = IPNetwork("64:ff9b::/96")!

    private static let specialIPv6 = [
        "2001::/23",        // IETF protocol assignments: Teredo (2001::/32), benchmarking, ORCHID
        "2001:db8::/32",    // documentation
        "2002::/16",        // 6to4, which tunnels to any IPv4 address, private ones included
        "3fff::/20",        // documentation
    ].map { IPNetwork($0)! }
}
