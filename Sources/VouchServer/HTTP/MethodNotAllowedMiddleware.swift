import Hummingbird

/// Answers 405 with `Allow` (RFC 9110 §15.5.6), instead of 404, when a path exists but not
/// with the request's method.
///
/// Add it after every route: Hummingbird wraps each route in the middlewares added before
/// it, and the router's not-found answer in all of them, so added last it sees only the
/// requests no route took.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    private let routes: [(path: RouterPath, method: HTTPRequest.Method)]

    init(routes: [Router<Context>.RouteDescription]) {
        self.routes = routes.map { ($0.path, $0.method) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let segments = request.uri.path.split(separator: "/", omittingEmptySubsequences: true)
            let allowed = routes.filter { route in
                route.path.components.count == segments.count && zip(route.path.components, segments).allSatisfy { $0 ~= $1 }
            }.map(\.method.rawValue)
            guard !allowed.isEmpty else { throw error }
            throw Problem(.methodNotAllowed, "method-not-allowed", title: "Method not allowed",
                          detail: "\(request.uri.path) answers \(allowed.joined(separator: ", ")) only",
                          headers: [.allow: Set(allowed).sorted().joined(separator: ", ")])
        }
    }
}
