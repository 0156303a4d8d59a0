import Foundation
import Hummingbird
import HTTPTypes
import Mustache

/// Renders the server's HTML pages from the Mustache templates shipped as this module's
/// resources (`Web/Templates`), with headers that keep pages out of frames and
/// caches and allow no script but same-origin files (`/static/sync-playback.js`): no
/// inline script, no `eval`, so markup injected into a page cannot run.
struct PageRenderer: Sendable {
    /// The templates, parsed once per process; a broken template fails every page with
    /// the parser's message rather than the process.
    private static let library: Result<MustacheLibrary, PageError> = loadLibrary()

    func render(_ page: some Sendable, template: String, status: HTTPResponse.Status = .ok, cookies: [Cookie] = []) throws -> Response {
        let library = try Self.library.get()
        guard let html = library.render(page, withTemplate: template) else { throw PageError.missingTemplate(template) }
        var response = Response(status: status, headers: Self.headers(contentType: "text/html; charset=utf-8"),
                                body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }

    /// Headers for every page: no caching of moderator data, no framing, only same-origin script files, no sniffing.
    static func headers(contentType: String, cache: String = "no-store") -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = cache
        headers[.contentSecurityPolicy] = "default-src 'none'; script-src 'self'; img-src 'self'; media-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        headers[.xFrameOptions] = "DENY"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.referrerPolicy] = "same-origin"
        return headers
    }

    /// A file from `Web/` (the stylesheet, the script).
    static func resource(_ name: String, extension: String) -> Data? {
        Bundle.module.url(forResource: name, withExtension: `extension`, subdirectory: "Web").flatMap { try? Data(contentsOf: $0) }
    }

    private static func loadLibrary() -> Result<MustacheLibrary, PageError> {
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil, subdirectory: "Web"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return .failure(.templatesMissing) }
        var library = MustacheLibrary()
        for name in names where name.hasSuffix(".mustache") {
            do {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                return .failure(.unreadableTemplate(name, reason: "\(error)"))
            }
        }
        return .success(library)
    }
}

/// Why a page could not be rendered: a deployment fault, never the request's.
enum PageError: Error, CustomStringConvertible {
    case templatesMissing
    case unreadableTemplate(String, reason: String)
    case missingTemplate(String)

    var description: String {
        switch self {
        case .templatesMissing: return "the page templates are missing from VouchServer's resources"
        case .unreadableTemplate(let name, let reason): return "template \(name) cannot be parsed: \(reason)"
        case .missingTemplate(let name): return "there is no template named \(name)"
        }
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
