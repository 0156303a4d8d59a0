import Hummingbird

/// Shows the moderator UI's refusals to a browser as pages: a missing session on a page
/// request becomes a redirect to the login form, other problems an error page. Requests
/// that do not accept HTML keep the RFC 9457 problem document the outer middleware writes.
struct ModerationPageErrors<Context: RequestContext>: RouterMiddleware {
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            guard request.headers[.accept]?.contains("text/html") == true else { throw problem }
            if problem.slug == "login-required", request.method == .get {
                let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
                return Response.redirect(to: PageFormat.link("/moderate/login", [("next", target)]), type: .normal)
            }
            return try pages.render(ErrorPage(title: problem.title, status: Int(problem.status.code), detail: problem.detail, moderator: nil),
                                    template: "error", status: problem.status)
        }
    }
}
