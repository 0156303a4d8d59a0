import Hummingbird
import VouchPipeline
import VouchStore

/// `/`, a landing page linking what this Vouch serves; `/how-reviews-are-verified`, written
/// from the live configuration; and `/static/vouch.css`.
///
/// The landing page's product list aggregates every published review, so it is read at
/// most every few seconds.
struct SiteRoutes: Sendable {
    let pages = PageRenderer()
    let products: RecentValue<[ProductSummary]>
    let verification: VerificationPage
    static let listedProducts = 48

    init(store: Store, configuration: PipelineConfiguration) {
        products = RecentValue(lifetime: .seconds(5)) { try await store.productsWithReviews(limit: Self.listedProducts) }
        verification = VerificationPage(configuration: configuration)
    }

    /// The landing page, which reads the store, goes on the rate-limited `router`; the
    /// stylesheet on `assets`.
    func register(on router: some RouterMethods<VouchRequestContext>, assets: some RouterMethods<VouchRequestContext>) {
        router.get("/") { _, _ in
            try pages.render(LandingPage(products: try await products.value()), template: "landing")
        }
        router.get("/how-reviews-are-verified") { _, _ in try pages.render(verification, template: "verification") }
        assets.get("/static/vouch.css") { _, _ -> Response in
            guard let css = PageRenderer.resource("vouch", extension: "css") else { throw Problem.notFound("the stylesheet is missing") }
            return Response(status: .ok, headers: PageRenderer.headers(contentType: "text/css; charset=utf-8", cache: "public, max-age=3600"),
                            body: ResponseBody(byteBuffer: ByteBuffer(data: css)))
        }
    }
}
