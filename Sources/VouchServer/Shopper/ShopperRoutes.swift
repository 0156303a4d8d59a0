import Foundation
import Hummingbird
import VouchIdentity
import VouchModel
import VouchStore

/// The public shopper API: a product's published reviews, best first, each with its
/// score and why; with a viewer attestation, also how the viewer relates to each reviewer.
struct ShopperRoutes: Sendable {
    let store: Store
    let cursors: ReviewCursor
    /// Pages kept in memory; nil reads and encodes every page anew.
    let cache: RankingCache?
    /// Where absolute links start (`server.publicURL`), for structured data.
    let origin: String
    /// Who the product page may be viewed as (`server.demoShoppers`).
    let demoShoppers: [DemoShopper]
    static let defaultLimit = 20
    static let maximumLimit = 100

    /// The JSON API goes on `api`, behind the viewer's authenticator; the HTML page and
    /// posters, which are never personalised, on `pages`.
    func register(api: some RouterMethods<VouchRequestContext>, pages: some RouterMethods<VouchRequestContext>) {
        api.get("/v1/products/{id}/reviews") { request, context in try await reviews(request, context: context) }
        api.get("/v1/products/{id}/summary") { request, context in try await summary(request, context: context) }
        api.get("/v1/products/{id}/structured-data") { request, context in try await structuredData(request, context: context) }
        pages.get("/products/{id}") { request, context in try await productPage(request, context: context) }
        pages.get("/products/{id}/clips/{clip}/poster.jpg") { request, context in try await poster(request, context: context) }
        pages.get("/products/{id}/clips/{clip}/captions.vtt") { request, context in try await captions(request, context: context) }
    }

    /// `GET /v1/products/{id}/reviews?sort=&rating=&verifiedPurchase=&withVideo=&limit=&cursor=&platform=`,
    /// personalised when a `Vouch-Viewer` attestation identified the shopper (``ViewerAuthenticator``),
    /// as `platform`'s shop shows it when one is named (``ReviewScope``).
    func reviews(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let product = try Self.product(context)
        let parameters = request.uri.queryParameters
        var query = try ReviewQuery(request, viewer: context.viewer)
        query.scope = try await scope(of: product, request)
        let entry = try await ranking(product: product, query: query, limit: try Self.limit(parameters["limit"].map(String.init)),
                                      cursor: parameters["cursor"])
        // A cache between Vouch and shoppers must keep personal answers apart from the public one.
        guard let viewer = context.viewer else { return JSONAnswer.response(entry.body, headers: [.vary: "Vouch-Viewer"]) }
        var body = ReviewsBody(product: product, page: entry.page, scope: query.scope, cursors: cursors)
        let links = try await ViewerLinks(store: store).links(for: viewer, to: entry.page.reviews)
        for index in body.reviews.indices { body.reviews[index].personalTrust = links[body.reviews[index].clip] }
        return try JSONAnswer.response(body, headers: [.vary: "Vouch-Viewer", .cacheControl: "private, no-store"])
    }

    /// `GET /v1/products/{id}/summary?platform=`: the product's ratings, plain and trust-weighted.
    func summary(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let product = try Self.product(context)
        let summary = try await store.ratingSummary(product: product, scope: try await scope(of: product, request))
        return try JSONAnswer.response(SummaryBody(product: product, summary: summary))
    }

    /// `GET /v1/products/{id}/structured-data?platform=`: schema.org `Product` markup
    /// (JSON-LD) for the shop's page, from the first page of the ranking.
    func structuredData(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let product = try Self.product(context)
        // A shop's own reviews only: search engines take review markup only from the site
        // where shoppers wrote the reviews.
        var scope = try await scope(of: product, request)
        scope?.showsSyndicated = false
        let markup = try await structuredData(of: product, named: try await store.productName(product),
                                              summary: try await store.ratingSummary(product: product, scope: scope), scope: scope)
        var headers = HTTPFields()
        headers[.contentType] = "application/ld+json"
        headers[.cacheControl] = "public, max-age=60"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: try markup.scriptText())))
    }

    /// The markup of `product`'s first page in `scope`, with the product's `name` and the
    /// `summary` of the same reviews, which the caller has already read.
    func structuredData(of product: String, named name: String?, summary: RatingSummary, scope: ReviewScope?) async throws -> StructuredData {
        let entry = try await ranking(product: product, query: ReviewQuery(scope: scope), limit: Self.defaultLimit, cursor: nil)
        return StructuredData(product: product, name: name, reviews: ReviewsBody(product: product, page: entry.page, scope: scope, cursors: cursors),
                              summary: summary, durations: try await store.clipDurations(entry.page.reviews.map(\.clipID)), base: origin)
    }

    /// One page of `product`'s ranking, from the cache when there is one and the page is
    /// the same for everyone: a shop's scope depends on catalog choices the cache does not
    /// watch, and `known` on the viewer, so those are read each time.
    func ranking(product: String, query: ReviewQuery = ReviewQuery(), limit: Int, cursor: Substring?) async throws -> RankingCache.Entry {
        let after = try cursor.map { cursor throws(Problem) in try cursors.decode(String(cursor)) }
        if let cache, query.scope == nil, query.viewer == nil {
            return try await cache.entry(product: product, query: query, limit: limit, after: after)
        }
        return try await RankingCache.load(product: product, query: query, limit: limit, after: after, from: store, cursors: cursors)
    }

    /// The shop named by `platform=`, if any: 400 for a platform that is not registered.
    func scope(of product: String, _ request: Request) async throws -> ReviewScope? {
        guard let platform = request.uri.queryParameters["platform"].map(String.init) else { return nil }
        guard !platform.isEmpty, platform.unicodeScalars.count <= 100, let scope = try await store.reviewScope(product: product, platform: platform) else {
            throw Problem.badRequest("platform must be the id of a platform registered with this Vouch")
        }
        return scope
    }

    /// The product id from the path, percent-decoded as it was when the platform submitted it.
    static func product(_ context: VouchRequestContext) throws(Problem) -> String {
        guard let product = context.parameters.get("id")?.removingPercentEncoding, !product.isEmpty, product.unicodeScalars.count <= 200 else {
            throw .badRequest("product ids are 1–200 characters")
        }
        return product
    }

    private static func limit(_ text: String?) throws(Problem) -> Int {
        guard let text else { return defaultLimit }
        guard let limit = Int(text), (1...maximumLimit).contains(limit) else {
            throw .badRequest("limit must be a whole number from 1 to \(maximumLimit)")
        }
        return limit
    }
}
