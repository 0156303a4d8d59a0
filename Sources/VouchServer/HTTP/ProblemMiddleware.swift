import Hummingbird
import Logging
import VouchPipeline
import VouchStore

/// Turns every error a route throws into a problem document, so no client ever sees
/// an HTML or empty error body. A store out of reach is a 503 with `Retry-After`, never a
/// 4xx that blames the client; unexpected errors are a 500 that reveals nothing internal.
/// Both are logged for the operator, identical ones once a minute with a count.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let errors: RepeatedErrorLog

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return try problem.response(from: request, context: context)
        } catch let error as StoreError {
            guard case .unavailable = error else { return try await internalError(error, request: request, context: context) }
            await errors.log(.error, "the store is unavailable: \(error)", metadata: ["path": "\(request.uri.path)"])
            return try Problem.storeUnavailable.response(from: request, context: context)
        } catch let error as HTTPError {
            let problem = Problem(error.status, "http-\(error.status.code)", title: error.status.reasonPhrase,
                                  detail: error.body ?? Self.detail(for: error.status))
            return try problem.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            let problem = Problem(error.status, "http-\(error.status.code)", title: error.status.reasonPhrase, detail: Self.detail(for: error.status))
            return try problem.response(from: request, context: context)
        } catch {
            return try await internalError(error, request: request, context: context)
        }
    }

    private func internalError(_ error: any Error, request: Request, context: Context) async throws -> Response {
        await errors.log(.error, "request failed: \(String(reflecting: error))", metadata: ["path": "\(request.uri.path)", "request": "\(context.id)"])
        let problem = Problem(.internalServerError, "internal", title: "Internal error",
                              detail: "the server could not complete the request; it has been logged (request \(context.id))")
        return try problem.response(from: request, context: context)
    }

    private static func detail(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: return "no such resource or route"
        case .methodNotAllowed: return "this route does not accept that method"
        case .contentTooLarge: return "the request body is larger than this route accepts"
        default: return status.reasonPhrase
        }
    }
}
