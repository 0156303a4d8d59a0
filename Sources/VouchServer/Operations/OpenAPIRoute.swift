import Foundation
import Hummingbird

/// `/openapi.json`, the API's OpenAPI 3.1 document, and `/docs`, the same as a page.
///
/// The document is `Resources/openapi.json` (which `Docs/openapi.json` links to),
/// compiled into the binary, so the server needs no files beside it.
struct OpenAPIRoute: Sendable {
    static let document = PackageResources.openapi_json

    func register(on router: some RouterMethods<VouchRequestContext>) {
        let page = APIDocsPage(openAPI: Data(Self.document)).html
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: Self.document)))
        }
        router.get("/docs") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
        }
    }
}
