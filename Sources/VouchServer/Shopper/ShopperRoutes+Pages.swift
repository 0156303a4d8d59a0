import Foundation
import Hummingbird
import VouchStore

extension ShopperRoutes {
    /// `GET /products/{id}?cursor=`: the ranking as an HTML page, for people.
    func productPage(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let product = try Self.product(context)
        let cursor = request.uri.queryParameters["cursor"]
        let entry = try await ranking(product: product, limit: Self.defaultLimit, cursor: cursor)
        let page = ProductPage(product: product, name: try await store.productName(product), page: entry.page,
                               summary: try await store.ratingSummary(product: product), later: cursor != nil, cursors: cursors)
        return try PageRenderer().render(page, template: "product")
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
