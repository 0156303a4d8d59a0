import Foundation
import Hummingbird
import VouchEncoding

/// JSON bodies as every Vouch route writes them: sorted keys, ISO 8601 dates, unescaped slashes.
enum JSONAnswer {
    static func response(_ body: some Encodable, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) throws -> Response {
        response(try self.body(body), status: status, headers: extra)
    }

    /// An answer whose body was encoded before.
    static func response(_ body: ByteBuffer, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    static func body(_ value: some Encodable) throws -> ByteBuffer {
        ByteBuffer(data: try encoder.encode(value))
    }

    private static let encoder = JSONEncoder.answer
}
