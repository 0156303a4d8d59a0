/// Turns a host name into addresses. A seam because the address policy's promise, that a
/// webhook goes only where it was checked to go, has to be tested against a DNS server that
/// changes its answer between lookups, and real DNS cannot be scripted in a test.
public protocol HostResolver: Sendable {
    /// Every IPv4 and IPv6 address `host` has; none when it has none or the lookup failed.
    func addresses(of host: String) async -> [IPAddress]
}
