import Foundation

/// How pages write numbers, times and links: fixed formats, independent of the locale.
enum PageFormat {
    static func score(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? "–"
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.1f s", value)
    }

    static func percent(_ value: Double) -> String {
        String(format: "%.0f%%", value * 100)
    }

    static func signed(_ value: Double) -> String {
        String(format: "%+.1f", value)
    }

    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }

    /// `path` with the non-empty `parameters` as its query, each value percent-encoded.
    static func link(_ path: String, _ parameters: [(String, String?)]) -> String {
        var components = URLComponents()
        components.path = path
        let items = parameters.compactMap { name, value in value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: name, value: $0) } }
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? path
    }
}

/// The signed-in moderator as the page header shows them, with the token the logout form carries.
struct ModeratorView: Sendable {
    var name: String
    var role: String
    var csrf: String
    var isAdmin: Bool
    var isMerchant = false
}

/// One choice in a filter's drop-down.
struct OptionView: Sendable {
    var value: String
    var label: String
    var selected: Bool
}
