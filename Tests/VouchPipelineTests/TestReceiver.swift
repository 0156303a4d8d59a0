import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A real HTTP receiver on 127.0.0.1, over TLS if given a context, that behaves as a webhook
/// sender's tests need, hostile ones included. It answers the first request on each connection.
struct TestReceiver: Sendable {
    enum Behaviour: Sendable {
        /// Answers with this status and an empty body.
        case answer(Int)
        /// A status line that never ends: one byte a second, for ever.
        case drip
        /// Answers 200, then writes body as fast as the client reads it, until it hangs up.
        case endlessBody(gzip: Bool)
    }

    let port: Int
    /// Each request's head, as text, in arrival order.
    let requests: AsyncStream<String>
    /// For each connection that closed, how many bytes of answer had been written to it.
    let closings: AsyncStream<Int>
    private let listener: any Channel

    var url: String { "http://127.0.0.1:\(port)/hook" }

    static func start(_ behaviour: Behaviour, tls: NIOSSLContext? = nil) async throws -> TestReceiver {
        let (requests, requested) = AsyncStream.makeStream(of: String.self)
        let (closings, closed) = AsyncStream.makeStream(of: Int.self)
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    try channel.pipeline.syncOperations.addHandler(ReceiverHandler(behaviour: behaviour, requested: requested, closed: closed))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return TestReceiver(port: listener.localAddress?.port ?? 0, requests: requests, closings: closings, listener: listener)
    }

    func stop() async {
        try? await listener.close()
    }
}

extension AsyncStream where Element: Sendable {
    /// The next element, or nil if none comes within `limit`.
    func next(within limit: Duration) async -> Element? {
        await withTaskGroup(of: Element?.self) { group in
            group.addTask {
                var iterator = makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}

/// One connection's end of `TestReceiver`.
private final class ReceiverHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let behaviour: TestReceiver.Behaviour
    private let requested: AsyncStream<String>.Continuation
    private let closed: AsyncStream<Int>.Continuation
    private var received = ByteBuffer()
    private var answered = false
    private var written = 0
    private var drip: Scheduled<Void>?
    private var gzip = EndlessGzip()

    init(behaviour: TestReceiver.Behaviour, requested: AsyncStream<String>.Continuation, closed: AsyncStream<Int>.Continuation) {
        self.behaviour = behaviour
        self.requested = requested
        self.closed = closed
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var part = unwrapInboundIn(data)
        received.writeBuffer(&part)
        guard !answered, let head = completeRequestHead() else { return }
        answered = true
        requested.yield(head)
        switch behaviour {
        case .answer(let status):
            write("HTTP/1.1 \(status) Test\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", context)
            context.flush()
        case .drip:
            write("HTTP/1.1 200 OK\r\nX-Drip: ", context)
            context.flush()
            dripOne(context)
        case .endlessBody(let gzip):
            write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\(gzip ? "Content-Encoding: gzip\r\n" : "")\r\n", context)
            pump(context)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if answered { pump(context) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        drip?.cancel()
        closed.yield(written)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    /// The head, once the head and the body its Content-Length announces have all arrived.
    private func completeRequestHead() -> String? {
        let text = String(buffer: received)
        guard let end = text.range(of: "\r\n\r\n") else { return nil }
        let head = String(text[..<end.lowerBound])
        let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        return text.utf8.count - text[..<end.upperBound].utf8.count >= length ? head : nil
    }

    private func dripOne(_ context: ChannelHandlerContext) {
        drip = context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(1)) { [self] in
            write("a", context)
            context.flush()
            dripOne(context)
        }
    }

    private func pump(_ context: ChannelHandlerContext) {
        guard case .endlessBody(let compressed) = behaviour else { return }
        while context.channel.isActive && context.channel.isWritable {
            let chunk = compressed ? gzip.next(16_384) : [UInt8](repeating: UInt8(ascii: "x"), count: 16_384)
            written += chunk.count
            context.write(wrapOutboundOut(ByteBuffer(bytes: chunk)), promise: nil)
        }
        context.flush()
    }

    private func write(_ text: String, _ context: ChannelHandlerContext) {
        written += text.utf8.count
        context.write(wrapOutboundOut(ByteBuffer(string: text)), promise: nil)
    }
}
