import Foundation

/// The two header values a `multipart/form-data` upload hangs on: the body's boundary, from
/// its `Content-Type`, and each part's name, from its `Content-Disposition` (RFC 7578).
enum FormDataHeaders {
    /// The boundary of a `multipart/form-data` content type; nil when the type is another or names none.
    static func boundary(ofContentType value: String?) -> String? {
        guard let value else { return nil }
        let fields = parameters(value)
        guard fields.value.lowercased() == "multipart/form-data", let boundary = fields.parameters["boundary"],
              (1...70).contains(boundary.utf8.count)
        else { return nil }
        return boundary
    }

    /// The `name` of a form-data part's `Content-Disposition`; nil when it is not `form-data` or has no name.
    static func partName(ofContentDisposition value: String) -> String? {
        let fields = parameters(value)
        guard fields.value.lowercased() == "form-data" else { return nil }
        return fields.parameters["name"]
    }

    /// A header value's leading token and its `key=value` parameters, keys lower-cased,
    /// quoted values unquoted (a backslash escapes the next character).
    private static func parameters(_ value: String) -> (value: String, parameters: [String: String]) {
        var scanner = Substring(value)
        let head = scanner.prefix { $0 != ";" }
        scanner = scanner.dropFirst(head.count)
        var parameters: [String: String] = [:]
        while scanner.first == ";" {
            scanner = scanner.dropFirst().drop { $0 == " " || $0 == "\t" }
            let key = scanner.prefix { $0 != "=" && $0 != ";" }
            scanner = scanner.dropFirst(key.count)
            guard scanner.first == "=" else { continue }
            scanner = scanner.dropFirst()
            var parsed = ""
            if scanner.first == "\"" {
                scanner = scanner.dropFirst()
                var escaped = false
                while let character = scanner.first {
                    scanner = scanner.dropFirst()
                    if escaped { parsed.append(character); escaped = false }
                    else if character == "\\" { escaped = true }
                    else if character == "\"" { break }
                    else { parsed.append(character) }
                }
                scanner = scanner.drop { $0 != ";" }
            } else {
                let token = scanner.prefix { $0 != ";" }
                scanner = scanner.dropFirst(token.count)
                parsed = token.trimmingCharacters(in: .whitespaces)
            }
            parameters[key.trimmingCharacters(in: .whitespaces).lowercased()] = parsed
        }
        return (head.trimmingCharacters(in: .whitespaces), parameters)
    }
}
