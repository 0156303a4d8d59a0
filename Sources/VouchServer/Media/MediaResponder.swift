import Hummingbird
import VouchMediaStore

/// Answers for one stored object as a `<video>` element and a cache expect: `ETag` and
/// `If-None-Match` (304), `Accept-Ranges` and single byte ranges (206, 416), `If-Range`,
/// HEAD without a body, and the bytes streamed from the media store, never held whole.
struct MediaResponder: Sendable {
    let store: any MediaStore

    /// `cache` is the `Cache-Control` value: content-addressed objects never change, so
    /// public ones may be cached as immutable.
    func respond(to request: Request, with media: StoredMedia, cache: String) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = media.contentType
        headers[.eTag] = media.etag
        headers[.cacheControl] = cache
        headers[.acceptRanges] = "bytes"
        headers[.xContentTypeOptions] = "nosniff"
        if let tags = request.headers[.ifNoneMatch], Self.matches(tags, media.etag) {
            return Response(status: .notModified, headers: headers)
        }
        var range = ByteRangeRequest(header: request.headers[.range], size: media.size)
        if let validator = request.headers[.ifRange], validator != media.etag { range = .whole }
        let bytes: Range<Int64>
        switch range {
        case .whole:
            bytes = 0..<media.size
        case .partial(let partial):
            bytes = partial
            headers[.contentRange] = "bytes \(partial.lowerBound)-\(partial.upperBound - 1)/\(media.size)"
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(media.size)"
            throw Problem(.rangeNotSatisfiable, "range-not-satisfiable", title: "The range is outside the file",
                          detail: "the file has \(media.size) bytes", headers: headers)
        }
        headers[.contentLength] = "\(bytes.count)"
        let status: HTTPResponse.Status = range == .whole ? .ok : .partialContent
        guard request.method != .head, !bytes.isEmpty else { return Response(status: status, headers: headers) }
        let stream = try await store.read(media.key, range: bytes)
        return Response(status: status, headers: headers, body: ResponseBody(asyncSequence: stream))
    }

    /// Whether an `If-None-Match` list names `etag` (weakly compared, as RFC 9110 asks for it).
    private static func matches(_ tags: String, _ etag: String) -> Bool {
        let strong = { (tag: Substring) in tag.hasPrefix("W/") ? tag.dropFirst(2) : tag }
        return tags.split(separator: ",").contains { tag in
            let tag = tag.trimmingCharacters(in: .whitespaces)
            return tag == "*" || strong(Substring(tag)) == strong(Substring(etag))
        }
    }
}
