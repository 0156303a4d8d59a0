import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import VouchStore

/// Posts webhooks as a small HTTP/1.1 client on SwiftNIO, built for receivers that may be
/// hostile. It connects to the destination's checked addresses, never to a fresh lookup
/// of the name; sends the name as `Host`, and for https as SNI and the name the certificate
/// must match; bounds the whole exchange (connect, TLS, request, answer) by one deadline;
/// reads the status and a few KiB of body, then hangs up; and follows no redirect, so the
/// redirect's status is the attempt's result.
///
/// URLSession, which it replaces, resolved the name again after the check, buffered
/// the whole body, and bounded inactivity rather than the attempt.
public struct HTTPWebhookSender: WebhookSender {
    /// The most of an answer's body that is read before hanging up; the body is not used.
    static let bodyLimit = 4096

    private let group: any EventLoopGroup
    private let tls: Result<NIOSSLContext, WebhookDeliveryError>

    /// `tlsConfiguration` defaults to the system's trust roots with full verification.
    public init(group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                tlsConfiguration: TLSConfiguration = .makeClientConfiguration()) {
        self.group = group
        tls = Result { try NIOSSLContext(configuration: tlsConfiguration) }.mapError { _ in .tlsFailed }
    }

    public func post(_ body: Data, to destination: WebhookDestination, headers: [String: String], timeout: Duration) async -> DeliveryResult {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = NIODeadline.now() + TimeAmount(timeout)
        do throws(WebhookDeliveryError) {
            let status = try await exchange(body, headers: headers, with: destination, by: deadline)
            return DeliveryResult(statusCode: status, error: nil, duration: clock.now - start)
        } catch {
            return DeliveryResult(statusCode: nil, error: error.description, duration: clock.now - start)
        }
    }

    /// Tries the addresses in the resolver's order until one takes the connection, then
    /// sends the request and waits for the handler's answer.
    private func exchange(_ body: Data, headers: [String: String], with destination: WebhookDestination,
                          by deadline: NIODeadline) async throws(WebhookDeliveryError) -> Int {
        var failure = WebhookDeliveryError.connectFailed
        for address in destination.addresses {
            let loop = group.next()
            let answer = loop.makePromise(of: Int.self)
            let channel: any Channel
            do {
                channel = try await connect(to: address, of: destination.target, answer: answer, by: deadline, on: loop)
            } catch {
                answer.fail(error)
                failure = NIODeadline.now() >= deadline ? .timedOut : WebhookDeliveryError(connecting: error)
                if failure == .timedOut { break }
                continue
            }
            return try await send(body, headers: headers, to: destination.target, on: channel, answer: answer)
        }
        throw failure
    }

    private func connect(to address: IPAddress, of target: WebhookTarget, answer: EventLoopPromise<Int>,
                         by deadline: NIODeadline, on loop: any EventLoop) async throws -> any Channel {
        let socketAddress = try SocketAddress(ipAddress: address.description, port: target.port)
        let tls = target.usesTLS ? try self.tls.get() : nil
        // SNI carries names only; for an IP literal NIOSSL checks the certificate against the address.
        let serverName = IPAddress(target.host) == nil ? target.host : nil
        return try await ClientBootstrap(group: loop)
            .connectTimeout(deadline - .now())
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let tls { try pipeline.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName)) }
                    try pipeline.addHTTPClientHandlers()
                    try pipeline.addHandler(WebhookResponseHandler(answer: answer, deadline: deadline, bodyLimit: Self.bodyLimit))
                }
            }
            .connect(to: socketAddress).get()
    }

    private func send(_ body: Data, headers: [String: String], to target: WebhookTarget, on channel: any Channel,
                      answer: EventLoopPromise<Int>) async throws(WebhookDeliveryError) -> Int {
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: target.requestTarget)
        head.headers.add(name: "Host", value: target.hostHeader)
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head.headers.add(name: name, value: value) }
        head.headers.add(name: "Content-Length", value: String(body.count))
        head.headers.add(name: "Connection", value: "close")
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: body))), promise: nil)
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        do {
            return try await withTaskCancellationHandler {
                try await answer.futureResult.get()
            } onCancel: {
                channel.close(promise: nil)
            }
        } catch {
            throw WebhookDeliveryError(exchanging: error)
        }
    }
}
