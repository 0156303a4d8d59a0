import Foundation
import Hummingbird
import VouchIdentity
import VouchStore

/// The public shopper API: a product's published reviews, best first, each with its
/// score and why; with a viewer attestation, also how the viewer relates to each reviewer.
struct ShopperRoutes: Sendable {
    let store: Store
    let cursors: ReviewCursor
    /// Pages kept in memory; nil reads and encodes every page anew.
    let cache: RankingCache?
    static let defaultLimit = 20
    static let maximumLimit = 100

    /// The JSON API goes on `api`, behind the viewer's authenticator; the HTML page and
    /// posters, which are never personalised, on `pages`.
    func register(api: some RouterMethods<VouchRequestContext>, pages: some RouterMethods<VouchRequestContext>) {
        api.get("/v1/products/{id}/reviews") { request, context in try await reviews(request, context: context) }
        api.get("/v1/products/{id}/summary") { request, context in try await summary(request, context: context) }
        pages.get("/products/{id}") { request, context in try await productPage(request, context: context) }
        pages.get("/products/{id}/clips/{clip}/poster.jpg") { request, context in try await poster(request, context: context) }
        pages.get("/products/{id}/clips/{clip}/captions.vtt") { request, context in try await captions(request, context: context) }
    }

    /// `GET /v1/products/{id}/reviews?sort=&rating=&verifiedPurchase=&withVideo=&limit=&cursor=`,
    /// personalised when a `Vouch-Viewer` attestation identified the shopper (``ViewerAuthenticator``).
    func reviews(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let product = try Self.product(context)
        let query = request.uri.queryParameters
        let entry = try await ranking(product: product, query: try ReviewQuery(request), limit: try Self.limit(query["limit"].map(String.init)),
                                      cursor: query["cursor"])
        guard let viewer = context.viewer else { return JSONAnswer.response(entry.body) }
        var body = ReviewsBody(product: product, page: entry.page, cursors: cursors)
        let links = try await ViewerLinks(store: store).links(for: viewer, to: entry.page.reviews)
        for index in body.reviews.indices { body.reviews[index].personalTrust = links[body.reviews[index].clip] }
        return try JSONAnswer.response(body)
    }

    /// `GET /v1/products/{id}/summary`: the product's ratings, plain and trust-weighted.
    func summary(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let product = try Self.product(context)
        return try JSONAnswer.response(SummaryBody(product: product, summary: try await store.ratingSummary(product: product)))
    }

    /// One page of `product`'s ranking, from the cache when there is one.
    func ranking(product: String, query: ReviewQuery = ReviewQuery(), limit: Int, cursor: Substring?) async throws -> RankingCache.Entry {
        let after = try cursor.map { cursor throws(Problem) in try cursors.decode(String(cursor)) }
        if let cache { return try await cache.entry(product: product, query: query, limit: limit, after: after) }
        return try await RankingCache.load(product: product, query: query, limit: limit, after: after, from: store, cursors: cursors)
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
