#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOHTTP1
import NIOSSL

/// Why an attempt got no status from the receiver. The descriptions are stored in the
/// delivery log that the platform reads, so they say what happened in the receiver's terms
/// and never carry an address, a port or a library's internals.
public enum WebhookDeliveryError: Error, Equatable, CustomStringConvertible {
    case timedOut
    case refused
    case unreachable
    case connectFailed
    case tlsFailed
    case closedEarly
    case malformedResponse

    public var description: String {
        switch self {
        case .timedOut: "the receiver did not answer within the attempt's time limit (pipeline.webhooks.timeoutSeconds)"
        case .refused: "the receiver refused the connection"
        case .unreachable: "the receiver's network is unreachable"
        case .connectFailed: "could not connect to the receiver"
        case .tlsFailed: "the TLS handshake failed: the receiver's certificate must be valid for its host name"
        case .closedEarly: "the receiver closed the connection without answering"
        case .malformedResponse: "the receiver's answer is not valid HTTP/1.1"
        }
    }

    /// Why a connection could not be opened, from NIO's or the socket's error.
    init(connecting error: any Error) {
        switch error {
        case let error as WebhookDeliveryError: self = error
        case ChannelError.connectTimeout: self = .timedOut
        case let error as IOError where error.errnoCode == ECONNREFUSED: self = .refused
        case let error as IOError where [ENETUNREACH, EHOSTUNREACH].contains(error.errnoCode): self = .unreachable
        default: self = .connectFailed
        }
    }

    /// Why an open connection gave no answer, from an error in its pipeline.
    init(exchanging error: any Error) {
        switch error {
        case let error as WebhookDeliveryError: self = error
        case is NIOSSLError, is NIOSSLExtraError, is BoringSSLError: self = .tlsFailed
        case is HTTPParserError: self = .malformedResponse
        default: self = .closedEarly
        }
    }
}
