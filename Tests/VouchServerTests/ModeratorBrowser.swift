import Foundation
import HTTPTypes

/// A browser stand-in for the moderator UI: it keeps its own cookies, follows no redirect
/// (tests look at them), and asks for HTML unless told otherwise.
struct ModeratorBrowser {
    /// One response, as a test inspects it.
    struct Page {
        var status: Int
        var contentType: String
        var location: String?
        var setCookies: [String]
        /// Every header, by lowercased name.
        var headers: [String: String]
        var body: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
        var isProblem: Bool { contentType.hasPrefix("application/problem+json") && json["status"] as? Int == status }

        /// The value of the first hidden input named `name`.
        func hiddenField(_ name: String) -> String? {
            guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    let server: ServerFixture
    var cookies: [String: String] = [:]
    /// The client address this browser claims through the trusted proxy, if any.
    var forwardedFor: String?

    init(server: ServerFixture) {
        self.server = server
    }

    mutating func get(_ path: String, accept: String = "text/html") async throws -> Page {
        try await send(path, method: "GET", accept: accept, body: nil)
    }

    mutating func post(_ path: String, form: [String: String], accept: String = "text/html") async throws -> Page {
        let body = form.sorted { $0.key < $1.key }.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(path, method: "POST", accept: accept, body: Data(body.utf8))
    }

    /// Opens the login form and submits it, as a person would.
    @discardableResult
    mutating func logIn(_ name: String, password: String, next: String? = nil) async throws -> Page {
        let form = try await get("/moderate/login")
        var fields = ["name": name, "password": password, "token": form.hiddenField("token") ?? ""]
        fields["next"] = next
        return try await post("/moderate/login", form: fields)
    }

    /// The CSRF token the queue page's logout form carries: the session's token.
    mutating func csrfToken() async throws -> String? {
        try await get("/moderate").hiddenField("csrf")
    }

    private mutating func send(_ path: String, method: String, accept: String, body: Data?) async throws -> Page {
        var headers = ["Accept": accept]
        headers["X-Forwarded-For"] = forwardedFor
        if !cookies.isEmpty {
            headers["Cookie"] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        if body != nil { headers["Content-Type"] = "application/x-www-form-urlencoded" }
        let answer = try await server.send(path, method: method, headers: headers, body: body)
        let setCookies = answer.headers[values: .setCookie]
        for cookie in setCookies {
            let pair = cookie.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            cookies[pair[0]] = cookie.contains("Max-Age=0") || pair[1].isEmpty ? nil : pair[1]
        }
        return Page(status: answer.status, contentType: answer.contentType, location: answer.header("Location"), setCookies: setCookies,
                    headers: Dictionary(answer.headers.map { ($0.name.canonicalName, $0.value) }, uniquingKeysWith: { first, _ in first }),
                    body: String(decoding: answer.body, as: UTF8.self))
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) ?? text
    }
}
