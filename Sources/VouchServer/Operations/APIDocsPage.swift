import Foundation

/// The OpenAPI document as a plain HTML page: each route with its method, summary,
/// description, parameters and answers. No scripts and nothing fetched from elsewhere.
struct APIDocsPage {
    let html: String

    init(openAPI: Data) {
        let spec = (try? JSONSerialization.jsonObject(with: openAPI)) as? [String: Any] ?? [:]
        let info = spec["info"] as? [String: Any] ?? [:]
        let title = Self.escape(info["title"] as? String ?? "API")
        var body = "<h1>\(title)</h1>\n<p>\(Self.escape(info["description"] as? String ?? ""))</p>\n<p><a href=\"/openapi.json\">openapi.json</a></p>\n"
        let paths = spec["paths"] as? [String: [String: Any]] ?? [:]
        for path in paths.keys.sorted() {
            for (method, value) in (paths[path] ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let operation = value as? [String: Any] else { continue }
                body += Self.section(method: method, path: path, operation: operation)
            }
        }
        html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(title)</title>
            <style>body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}code{background:#f3f3f3;padding:0 .2em}h2{font-size:1.1em;margin-top:2em}</style>
            </head><body>
            \(body)</body></html>

            """
    }

    private static func section(method: String, path: String, operation: [String: Any]) -> String {
        var text = "<h2><code>\(method.uppercased()) \(escape(path))</code></h2>\n<p>\(escape(operation["summary"] as? String ?? ""))</p>\n"
        if let description = operation["description"] as? String { text += "<p>\(escape(description))</p>\n" }
        if operation["security"] != nil { text += "<p>Needs the platform's API key: <code>Authorization: Bearer vk_…</code>.</p>\n" }
        let parameters = (operation["parameters"] as? [[String: Any]] ?? []).map { parameter in
            "<code>\(escape(parameter["name"] as? String ?? ""))</code> (\(escape(parameter["in"] as? String ?? ""))\((parameter["required"] as? Bool ?? false) ? ", required" : ""))"
        }
        if !parameters.isEmpty { text += "<p>Parameters: \(parameters.joined(separator: ", "))</p>\n" }
        let answers = (operation["responses"] as? [String: Any] ?? [:]).keys.sorted()
        text += "<p>Answers: \(answers.map { "<code>\(escape($0))</code>" }.joined(separator: " "))</p>\n"
        return text
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
