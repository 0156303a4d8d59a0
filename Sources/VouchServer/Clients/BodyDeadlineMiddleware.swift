import Hummingbird

/// Bounds how long a request's body may take to arrive, so a client dripping a JSON body
/// a byte at a time (each byte resetting the idle timeout) cannot hold a connection for
/// ever. Uploads are exempt: they are held to a minimum rate instead (``ClipRoutes``).
struct BodyDeadlineMiddleware<Context: RequestContext>: RouterMiddleware {
    let limit: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !(request.method == .post && request.uri.path == "/v1/clips") else { return try await next(request, context) }
        var request = request
        request.body = RequestBody(asyncSequence: DeadlineBody(base: request.body, deadline: .now + limit, limit: limit))
        return try await next(request, context)
    }
}

/// A request body whose parts must all arrive before `deadline`.
private struct DeadlineBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let base: RequestBody
    let deadline: ContinuousClock.Instant
    let limit: Duration

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: RequestBody.AsyncIterator
        let deadline: ContinuousClock.Instant
        let limit: Duration

        mutating func next() async throws -> ByteBuffer? {
            let part = try await base.next()
            guard ContinuousClock.now <= deadline else {
                throw Problem(.requestTimeout, "body-too-slow", title: "The request body was too slow",
                              detail: "a request's body must arrive within \(limit); send it at once")
            }
            return part
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), deadline: deadline, limit: limit)
    }
}
