import Hummingbird
import Logging

/// Turns every error a route throws into a problem document, so no client ever sees
/// an HTML or empty error body; unexpected errors are logged and answered with a 500
/// that reveals nothing internal.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return try problem.response(from: request, context: context)
        } catch let error as HTTPError {
            let problem = Problem(error.status, "http-\(error.status.code)", title: error.status.reasonPhrase,
                                  detail: error.body ?? Self.detail(for: error.status))
            return try problem.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            let problem = Problem(error.status, "http-\(error.status.code)", title: error.status.reasonPhrase, detail: Self.detail(for: error.status))
            return try problem.response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            let problem = Problem(.internalServerError, "internal", title: "Internal error",
                                  detail: "the server could not complete the request; it has been logged (request \(context.id))")
            return try problem.response(from: request, context: context)
        }
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
