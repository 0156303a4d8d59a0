import Foundation
import Hummingbird
import VouchStore

extension ShopperRoutes {
    /// `GET /products/{id}?cursor=`: the ranking as an HTML page, for people.
    func productPage(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let product = try Self.product(context)
        let cursor = request.uri.queryParameters["cursor"]
        let entry = try await ranking(product: product, limit: Self.defaultLimit, cursor: cursor)
        let page = ProductPage(product: product, name: try await store.productName(product), page: entry.page, later: cursor != nil, cursors: cursors)
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
