import Hummingbird
import VouchStore

/// `/`, a landing page linking what this Vouch serves, and `/static/vouch.css`.
struct SiteRoutes: Sendable {
    let store: Store
    let pages = PageRenderer()
    static let listedProducts = 48

    func register(on router: Router<some RequestContext>) {
        router.get("/") { _, _ in
            try pages.render(LandingPage(products: try await store.productsWithReviews(limit: Self.listedProducts)), template: "landing")
        }
        router.get("/static/vouch.css") { _, _ -> Response in
            guard let css = PageRenderer.resource("vouch", extension: "css") else { throw Problem.notFound("the stylesheet is missing") }
            return Response(status: .ok, headers: PageRenderer.headers(contentType: "text/css; charset=utf-8", cache: "public, max-age=3600"),
                            body: ResponseBody(byteBuffer: ByteBuffer(data: css)))
        }
    }
}
