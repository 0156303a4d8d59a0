import Foundation
import Hummingbird
import VouchModel
import VouchStore

/// How a platform joins its catalog to other platforms' (syndication): each product's
/// GTIN (`/v1/catalog/{id}`), and whether its shop shows reviews recorded on other
/// platforms for the same product and lets others show its own (`/v1/syndication`).
struct SyndicationRoutes: Sendable {
    let store: Store
    static let maximumBodyBytes = 4096

    /// `PUT /v1/catalog/{id}`'s body.
    struct ProductCode: Codable, Sendable {
        var gtin: GTIN
    }

    /// What the catalog routes answer: the product and the GTIN it has on this platform.
    struct CatalogEntry: Encodable, Sendable {
        var product: String
        var gtin: GTIN
    }

    func register(on router: some RouterMethods<VouchRequestContext>) {
        router.put("/v1/catalog/{id}") { request, context in
            let platform = try context.requirePlatform()
            let product = try ShopperRoutes.product(context)
            let code = try await Self.decode(ProductCode.self, request, example: #"{"gtin": "00012345600012"}"#)
            try await store.setGTIN(code.gtin, product: product, platform: platform.id)
            return try JSONAnswer.response(CatalogEntry(product: product, gtin: code.gtin))
        }
        router.get("/v1/catalog/{id}") { _, context in
            let platform = try context.requirePlatform()
            let product = try ShopperRoutes.product(context)
            guard let gtin = try await store.gtin(product: product, platform: platform.id) else {
                throw Problem.notFound("this platform gave product '\(product)' no GTIN")
            }
            return try JSONAnswer.response(CatalogEntry(product: product, gtin: gtin))
        }
        router.delete("/v1/catalog/{id}") { _, context in
            let platform = try context.requirePlatform()
            try await store.setGTIN(nil, product: try ShopperRoutes.product(context), platform: platform.id)
            return Response(status: .noContent)
        }
        router.get("/v1/syndication") { _, context in
            try JSONAnswer.response(try await store.syndication(platform: try context.requirePlatform().id))
        }
        router.put("/v1/syndication") { request, context in
            let platform = try context.requirePlatform()
            let policy = try await Self.decode(SyndicationPolicy.self, request, example: #"{"showSyndicated": true, "shareReviews": true}"#)
            try await store.setSyndication(policy, platform: platform.id)
            return try JSONAnswer.response(policy)
        }
    }

    /// The JSON body, or a 400 (422 for a GTIN that fails its check) saying what was expected.
    private static func decode<Body: Decodable>(_ type: Body.Type, _ request: Request, example: String) async throws -> Body {
        let data: Data
        do {
            data = Data(buffer: try await request.body.collect(upTo: maximumBodyBytes))
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw Problem(.contentTooLarge, "body-too-large", title: "The body is too large", detail: "send at most \(maximumBodyBytes) bytes")
        }
        do {
            return try JSONDecoder().decode(Body.self, from: data)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.last?.stringValue == "gtin" {
            throw Problem(.unprocessableContent, "invalid-gtin", title: "The GTIN is not valid", detail: context.debugDescription, field: "gtin")
        } catch {
            throw Problem.badRequest("the body must be JSON like \(example)")
        }
    }
}
