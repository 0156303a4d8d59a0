/// Which URLs a webhook may point to: see `WebhookTarget` for the form, and unless
/// `allowPrivateAddresses` is set, only hosts whose every address is public, so that
/// registering a webhook cannot make Vouch probe its own network (SSRF).
///
/// At delivery the host is resolved here once, and the sender connects to the very
/// addresses checked; a DNS answer that changes after the check (rebinding) reaches nothing.
public struct WebhookAddressPolicy: Sendable {
    public var allowPrivateAddresses: Bool
    let resolver: any HostResolver

    public init(allowPrivateAddresses: Bool, resolver: any HostResolver = SystemHostResolver()) {
        self.allowPrivateAddresses = allowPrivateAddresses
        self.resolver = resolver
    }

    /// At registration: the URL's target, if a webhook may be sent there now. A name that
    /// does not resolve yet is accepted only where private addresses are.
    @discardableResult
    public func check(_ text: String) async throws(WebhookURLError) -> WebhookTarget {
        let target = try WebhookTarget(parsing: text)
        if !allowPrivateAddresses { _ = try await addresses(of: target) }
        return target
    }

    /// At delivery: where to connect, resolved and checked once for this attempt.
    public func destination(_ text: String) async throws(WebhookURLError) -> WebhookDestination {
        let target = try WebhookTarget(parsing: text)
        return WebhookDestination(target: target, addresses: try await addresses(of: target))
    }

    private func addresses(of target: WebhookTarget) async throws(WebhookURLError) -> [IPAddress] {
        let addresses = if let literal = IPAddress(target.host) { [literal] } else { await resolver.addresses(of: target.host) }
        guard !addresses.isEmpty else { throw .unresolvable(target.host) }
        guard allowPrivateAddresses || !addresses.contains(where: \.isInternal) else { throw .internalAddress(host: target.host) }
        return addresses
    }
}
