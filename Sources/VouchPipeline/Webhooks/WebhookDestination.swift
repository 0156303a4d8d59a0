/// Where one attempt goes: the URL's target and the addresses its host resolved to, each
/// already checked by the address policy. The sender connects to these and never looks the
/// name up again, which is what makes the check hold (no DNS rebinding in between).
public struct WebhookDestination: Sendable, Equatable {
    public let target: WebhookTarget
    public let addresses: [IPAddress]

    public init(target: WebhookTarget, addresses: [IPAddress]) {
        self.target = target
        self.addresses = addresses
    }
}
