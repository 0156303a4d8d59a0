import Hummingbird
import VouchStore

/// Lets through only requests from a signed-in moderator whose role may use the routes
/// behind it: merchant accounts reach the demand pages, and nothing else.
struct RequireModerator: RouterMiddleware {
    typealias Context = VouchRequestContext
    /// Whether merchant accounts may pass.
    var merchantsToo = false

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let moderator = try context.requireModerator()
        guard merchantsToo || moderator.account.role != .merchant else {
            throw Problem(.forbidden, "forbidden", title: "Not allowed for this role",
                          detail: "merchant accounts see trusted demand at /moderate/demand, not moderation")
        }
        return try await next(request, context)
    }
}
