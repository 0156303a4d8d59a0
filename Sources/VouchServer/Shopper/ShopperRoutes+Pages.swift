import Foundation
import Hummingbird
import VouchIdentity
import VouchStore

extension ShopperRoutes {
    /// `GET /products/{id}?cursor=&as=`: the ranking as an HTML page, for people, with its
    /// schema.org markup; `as` names a demo shopper (`server.demoShoppers`) to view it as,
    /// whose contacts' reviews come first with the links that relate them.
    func productPage(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let product = try Self.product(context)
        let parameters = request.uri.queryParameters
        let cursor = parameters["cursor"]
        let viewer = try demoViewer(parameters["as"].map(String.init))
        let query = viewer.map { ReviewQuery(sort: .known, viewer: $0) } ?? ReviewQuery()
        let entry = try await ranking(product: product, query: query, limit: Self.defaultLimit, cursor: cursor)
        var links: [Int64: PersonalTrustBody] = [:]
        if let viewer { links = try await ViewerLinks(store: store).links(for: viewer, to: entry.page.reviews) }
        let name = try await store.productName(product)
        let summary = try await store.ratingSummary(product: product)
        let markup = try await structuredData(of: product, named: name, summary: summary, scope: nil)
        let page = ProductPage(product: product, name: name, page: entry.page, summary: summary, later: cursor != nil, cursors: cursors,
                               viewing: ProductPage.Viewing(shoppers: demoShoppers, viewer: viewer, links: links),
                               structuredData: try markup.scriptText())
        return try PageRenderer().render(page, template: "product")
    }

    /// The demo shopper `as` names (`platform:account`); 400 for one the settings do not list.
    private func demoViewer(_ name: String?) throws(Problem) -> Viewer? {
        guard let name else { return nil }
        guard let shopper = demoShoppers.first(where: { "\($0.platform):\($0.account)" == name }) else {
            throw .badRequest("'as' must name one of this server's demo shoppers (server.demoShoppers) as platform:account")
        }
        return Viewer(platformID: shopper.platform, account: shopper.account)
    }

    /// `GET /products/{id}/clips/{clip}/poster.jpg`: a published review's first keyframe.
    /// Held, rejected and unknown clips are all "not found".
    func poster(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let product = try Self.product(context)
        guard let clip = context.parameters.get("clip", as: Int64.self),
              let jpeg = try await store.publishedPoster(product: product, clip: clip)
        else { throw Problem.notFound("product \(product) has no published review with that poster") }
        return Response(status: .ok, headers: PageRenderer.headers(contentType: "image/jpeg", cache: "public, max-age=60"),
                        body: ResponseBody(byteBuffer: ByteBuffer(data: jpeg)))
    }
}

extension ShopperRoutes {
    /// `GET /products/{id}/clips/{clip}/captions.vtt`: a published review's captions, as the
    /// normalised WebVTT Vouch made of what the platform sent (never the raw file).
    func captions(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let product = try Self.product(context)
        guard let clip = context.parameters.get("clip", as: Int64.self),
              let captions = try await store.publishedCaptions(product: product, clip: clip)
        else { throw Problem.notFound("product \(product) has no published review with those captions") }
        return Response(status: .ok, headers: PageRenderer.headers(contentType: "text/vtt; charset=utf-8", cache: "public, max-age=60"),
                        body: ResponseBody(byteBuffer: ByteBuffer(string: captions)))
    }
}
