import Hummingbird

/// Lets shops' pages on other origins read what shoppers may read anyway: the widget
/// script, the shopper API, the review log, published media, posters and captions.
///
/// Any origin may read (`*`), never with credentials: these routes use no cookies, and a
/// shopper's `Vouch-Viewer` attestation is a header the shop's page sends itself, which
/// the preflight allows. The platform API, the admin API and the moderator UI get no CORS
/// headers, so a browser keeps other origins from reading them.
///
/// These answers also say `Cross-Origin-Resource-Policy: cross-origin`, so a shop whose
/// pages require it (`Cross-Origin-Embedder-Policy: require-corp`) can still show posters,
/// and `Timing-Allow-Origin: *`, so a shop can measure the widget's requests.
///
/// Hummingbird's `CORSMiddleware` would answer for every path of the router or none: a
/// preflight to a path no route takes with OPTIONS reaches only the router's middlewares.
struct PublicCORSMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Path prefixes of the public, cross-origin surface.
    static var prefixes: [String] { ["/widget.js", "/v1/products/", "/v1/log/", "/media/"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isPublic(request.uri.path) else { return try await next(request, context) }
        if request.method == .options {
            var headers = Self.headers
            headers[.accessControlAllowMethods] = "GET, HEAD"
            headers[.accessControlAllowHeaders] = "Vouch-Viewer, Range, If-None-Match"
            headers[.accessControlMaxAge] = "86400"
            return Response(status: .noContent, headers: headers)
        }
        var response = try await next(request, context)
        response.headers.append(contentsOf: Self.headers)
        return response
    }

    /// Captions and posters live under the product page's path; the page itself is not shared.
    static func isPublic(_ path: String) -> Bool {
        if prefixes.contains(where: { path.hasPrefix($0) }) { return true }
        return path.hasPrefix("/products/") && (path.hasSuffix("/captions.vtt") || path.hasSuffix("/poster.jpg"))
    }

    private static var headers: HTTPFields {
        var headers = HTTPFields()
        headers[.accessControlAllowOrigin] = "*"
        headers[.accessControlExposeHeaders] = "Content-Range, Content-Length, ETag, Retry-After"
        headers[.crossOriginResourcePolicy] = "cross-origin"
        headers[.timingAllowOrigin] = "*"
        return headers
    }
}
