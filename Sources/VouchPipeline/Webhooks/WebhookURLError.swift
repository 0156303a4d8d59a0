/// Why a webhook URL was refused. The descriptions reach the platform (at registration, and
/// in the delivery log), so they never name the address a host resolved to: that would
/// let a platform map Vouch's internal network one registration at a time.
public enum WebhookURLError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case scheme(String)
    case credentials
    case unresolvable(String)
    case internalAddress(host: String)

    public var description: String {
        switch self {
        case .malformed(let text): "'\(text.prefix(100))' is not an absolute URL with a host and a valid port"
        case .scheme(let scheme): "webhook URLs must be http or https, not '\(scheme.prefix(20))'"
        case .credentials: "webhook URLs must not carry a user name or password; the signature authenticates Vouch"
        case .unresolvable(let host): "the host '\(host.prefix(100))' does not resolve"
        case .internalAddress(let host): "the host '\(host.prefix(100))' resolves to an internal address; webhooks go to public addresses only"
        }
    }
}
