import Foundation
import Hummingbird

/// An API error as RFC 9457 `application/problem+json`: a stable `type` a client can
/// branch on, a `title`, the HTTP status, and a `detail` a person can act on.
public struct Problem: Error, HTTPResponseError, Equatable {
    public var status: HTTPResponse.Status
    /// A short slug; the document's `type` is `https://vouch.local/problems/<slug>`.
    public var slug: String
    public var title: String
    public var detail: String
    /// Headers the answer needs besides its content type, such as `Retry-After`.
    public var headers: HTTPFields
    /// The request's field at fault (`rating`, `disclosures.incentive`, `captions`), when one is.
    public var field: String?

    public init(_ status: HTTPResponse.Status, _ slug: String, title: String, detail: String, headers: HTTPFields = [:], field: String? = nil) {
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
        self.headers = headers
        self.field = field
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = ProblemDocument(type: "https://vouch.local/problems/\(slug)", title: title, status: status.code, detail: detail, instance: request.uri.path,
                                   field: field)
        var headers = headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: try JSONAnswer.body(body)))
    }
}

extension Problem {
    static func unauthorized(_ detail: String) -> Problem {
        Problem(.unauthorized, "unauthorized", title: "Not authenticated", detail: detail)
    }

    static func badRequest(_ detail: String) -> Problem {
        Problem(.badRequest, "bad-request", title: "The request is malformed", detail: detail)
    }

    static func notFound(_ detail: String) -> Problem {
        Problem(.notFound, "not-found", title: "Not found", detail: detail)
    }

    /// The store is out of reach for now: not the client's fault, worth retrying.
    static let storeUnavailable = Problem(.serviceUnavailable, "store-unavailable", title: "Temporarily unavailable",
                                          detail: "the service cannot reach its database right now; retry in a few seconds",
                                          headers: [.retryAfter: "5"])
}

/// The JSON members RFC 9457 defines, in the order the RFC lists them, and the field at fault.
struct ProblemDocument: Codable, Equatable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var instance: String
    /// An extension member: the request's field at fault, when one is.
    var field: String?
}
