import Hummingbird

/// Finds who a request comes from and puts them into its context, in the shape of
/// hummingbird-auth's `AuthenticatorMiddleware`: `authenticate` returns the caller, or nil
/// to let the request go on anonymous, or throws to stop it there.
///
/// Routes read the caller from the context (``VouchRequestContext/requirePlatform()`` and
/// its siblings); none authenticates by hand.
protocol Authenticator: RouterMiddleware where Context == VouchRequestContext {
    associatedtype Identity: Sendable
    /// Where in the context the caller goes.
    static var identity: WritableKeyPath<VouchRequestContext, Identity?> { get }
    func authenticate(request: Request, context: Context) async throws -> Identity?
}

extension Authenticator {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context[keyPath: Self.identity] = try await authenticate(request: request, context: context)
        return try await next(request, context)
    }
}
