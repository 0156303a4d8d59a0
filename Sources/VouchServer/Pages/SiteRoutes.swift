import Hummingbird
import VouchStore

/// `/`, a landing page linking what this Vouch serves, and `/static/vouch.css`.
///
/// The landing page's product list aggregates every published review, so it is read at
/// most every few seconds, and each client is rate-limited like the shopper API.
struct SiteRoutes: Sendable {
    let pages = PageRenderer()
    let products: RecentValue<[ProductSummary]>
    let limiter: RateLimiter?
    static let listedProducts = 48

    init(store: Store, limiter: RateLimiter?) {
        products = RecentValue(lifetime: .seconds(5)) { try await store.productsWithReviews(limit: Self.listedProducts) }
        self.limiter = limiter
    }

    func register(on router: Router<VouchRequestContext>) {
        router.get("/") { _, context in
            try await limiter?.admit(context, viewer: nil)
            return try pages.render(LandingPage(products: try await products.value()), template: "landing")
        }
        router.get("/static/vouch.css") { _, _ -> Response in
            guard let css = PageRenderer.resource("vouch", extension: "css") else { throw Problem.notFound("the stylesheet is missing") }
            return Response(status: .ok, headers: PageRenderer.headers(contentType: "text/css; charset=utf-8", cache: "public, max-age=3600"),
                            body: ResponseBody(byteBuffer: ByteBuffer(data: css)))
        }
    }
}
