import Hummingbird
import VouchPipeline
import VouchStore

/// `/`, a landing page linking what this Vouch serves; `/how-reviews-are-verified`, written
/// from the live configuration; `/static/vouch.css`; `/static/sync-playback.js`, the
/// only script any page loads (the moderator's item page, to play two clips in step); and
/// `/widget.js`, the reviews widget shops embed in their own pages.
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
    /// stylesheet and the script on `assets`.
    func register(on router: some RouterMethods<VouchRequestContext>, assets: some RouterMethods<VouchRequestContext>) {
        router.get("/") { _, _ in
            try pages.render(LandingPage(products: try await products.value()), template: "landing")
        }
        router.get("/how-reviews-are-verified") { _, _ in try pages.render(verification, template: "verification") }
        assets.get("/static/vouch.css") { _, _ in try Self.asset("vouch", extension: "css", contentType: "text/css; charset=utf-8") }
        assets.get("/static/sync-playback.js") { _, _ in
            try Self.asset("sync-playback", extension: "js", contentType: "text/javascript; charset=utf-8")
        }
        // Short-lived in caches: shops embed this address for good, and fixes must reach them.
        assets.get("/widget.js") { _, _ in
            try Self.asset("widget", extension: "js", contentType: "text/javascript; charset=utf-8", cache: "public, max-age=300")
        }
    }

    /// A file from `Web/`, as written, cacheable for an hour unless `cache` says otherwise.
    private static func asset(_ name: String, extension: String, contentType: String, cache: String = "public, max-age=3600") throws -> Response {
        guard let data = PageRenderer.resource(name, extension: `extension`) else { throw Problem.notFound("\(name).\(`extension`) is missing") }
        return Response(status: .ok, headers: PageRenderer.headers(contentType: contentType, cache: cache),
                        body: ResponseBody(byteBuffer: ByteBuffer(data: data)))
    }
}
