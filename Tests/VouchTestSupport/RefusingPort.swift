import Glibc

/// A loopback port bound but never listening: connections to it are refused, and
/// while it is held no other process can take it, as one can take a port freed
/// by a listener that stopped (which under load made "refused" tests time out).
public final class RefusingPort: Sendable {
    public let port: Int
    private let descriptor: Int32

    /// Why no port could be held.
    public struct Unavailable: Error, CustomStringConvertible {
        public let errno: Int32
        public var description: String { "could not bind a loopback port (errno \(errno))" }
    }

    public init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Unavailable(errno: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else {
            let failure = errno
            close(descriptor)
            throw Unavailable(errno: failure)
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}
