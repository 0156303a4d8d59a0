import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP socket listening on 127.0.0.1, for tests that check a sandboxed process
/// cannot reach services on the host's loopback (a database, a metrics port).
public final class LoopbackListener {
    /// A socket call that failed, with the system's message.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public private(set) var port: UInt16 = 0
    private let descriptor: Int32

    public init() throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: \(Self.systemMessage())") }
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound, listen(descriptor, 4) == 0 else {
            close(descriptor)
            throw Failure(description: "bind or listen: \(Self.systemMessage())")
        }
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit {
        close(descriptor)
    }

    /// Opens a TCP connection to 127.0.0.1:`port` and closes it: nil when that
    /// worked, otherwise the failing call and the system's message.
    public static func connectionFailure(port: UInt16) -> String? {
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard client >= 0 else { return "socket: \(systemMessage())" }
        defer { close(client) }
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        return connected ? nil : "connect: \(systemMessage())"
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }

    private static func systemMessage() -> String {
        String(cString: strerror(errno))
    }
}
