import NIOCore
import NIOHTTP1

/// Reads what an attempt needs of the answer and no more: the status line, then at most
/// `bodyLimit` bytes of body, which it counts and drops, before it closes the connection.
/// An endless or compressed body therefore costs one read buffer (nothing asks for an
/// encoding and nothing decompresses). At `deadline` it closes the connection wherever the
/// exchange is, so a receiver that drips bytes cannot hold the attempt past it.
final class WebhookResponseHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    private let answer: EventLoopPromise<Int>
    private let deadline: NIODeadline
    private let bodyLimit: Int
    private var status: Int?
    private var bodyBytes = 0
    private var finished = false
    private var expiry: Scheduled<Void>?

    init(answer: EventLoopPromise<Int>, deadline: NIODeadline, bodyLimit: Int) {
        self.answer = answer
        self.deadline = deadline
        self.bodyLimit = bodyLimit
    }

    func handlerAdded(context: ChannelHandlerContext) {
        expiry = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            finish(context, failing: .timedOut)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        expiry?.cancel()
        answer.fail(WebhookDeliveryError.closedEarly)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !finished else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
        case .body(let part):
            bodyBytes += part.readableBytes
            if bodyBytes >= bodyLimit { finish(context, failing: .closedEarly) }
        case .end:
            finish(context, failing: .closedEarly)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(context, failing: .closedEarly)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        finish(context, failing: WebhookDeliveryError(exchanging: error))
    }

    /// Answers with the status if it has arrived, else with `error`, and closes.
    private func finish(_ context: ChannelHandlerContext, failing error: WebhookDeliveryError) {
        guard !finished else { return }
        finished = true
        expiry?.cancel()
        if let status { answer.succeed(status) } else { answer.fail(error) }
        context.close(promise: nil)
    }
}
