#if canImport(Glibc)
import Glibc
#endif
import NIOPosix

/// Resolves with the system's `getaddrinfo`, on threads of its own. A lookup blocks for as
/// long as the resolver's timeouts allow (seconds, set by `resolv.conf`), and Swift's
/// cooperative pool has one thread per core: on it, two slow lookups would stall every task
/// in the process, the API's included.
public struct SystemHostResolver: HostResolver {
    /// As many threads as the dispatcher's default number of attempts in flight, so that
    /// slow lookups for some receivers do not queue the others' behind them.
    private static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()

    public init() {}

    public func addresses(of host: String) async -> [IPAddress] {
        (try? await Self.threads.runIfActive { Self.lookUp(host) }) ?? []
    }

    private static func lookUp(_ host: String) -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(list) }
        return sequence(first: first, next: { $0.pointee.ai_next }).compactMap { entry in
            guard let address = entry.pointee.ai_addr else { return nil }
            switch Int32(address.pointee.sa_family) {
            case AF_INET:
                return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { withUnsafeBytes(of: $0.pointee.sin_addr) { IPAddress(bytes: $0) } }
            case AF_INET6:
                return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { withUnsafeBytes(of: $0.pointee.sin6_addr) { IPAddress(bytes: $0) } }
            default:
                return nil
            }
        }
    }
}
