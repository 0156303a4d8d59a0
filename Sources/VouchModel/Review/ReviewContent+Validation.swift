extension ReviewContent {
    /// The bounds a review's words are held to, so one review cannot fill a shopper's page
    /// or the store.
    public struct Limits: Sendable, Equatable {
        public var productLength = 200
        public var titleLength = 150
        public var textLength = 5000
        public var languageLength = 35

        public init() {}
    }

    /// The review as given, trimmed, once every field is within its bounds; the first field
    /// that is not is named in the error.
    public func validated(limits: Limits = Limits()) throws(ReviewContentError) -> ReviewContent {
        var review = self
        review.product = try Self.required("product", product, limit: limits.productLength, multiline: false)
        review.productName = try Self.optional("productName", productName, limit: limits.productLength, multiline: false)
        guard (1...5).contains(rating) else { throw .invalid(field: "rating", reason: "must be a whole number of stars from 1 to 5, not \(rating)") }
        review.title = try Self.optional("title", title, limit: limits.titleLength, multiline: false)
        review.text = try Self.optional("text", text, limit: limits.textLength, multiline: true)
        review.language = try Self.optional("language", language, limit: limits.languageLength, multiline: false)
        if let language = review.language, !Self.isLanguageTag(language) {
            throw .invalid(field: "language", reason: "must be a BCP 47 language tag such as 'en' or 'pt-BR', not '\(language)'")
        }
        return review
    }

    private static func required(_ field: String, _ value: String, limit: Int, multiline: Bool) throws(ReviewContentError) -> String {
        guard let text = try optional(field, value, limit: limit, multiline: multiline) else { throw .missing(field: field) }
        return text
    }

    /// Trimmed text, nil when empty; control characters are refused (a line break only
    /// where the field may have lines), so nothing invisible reaches a shopper's page.
    private static func optional(_ field: String, _ value: String?, limit: Int, multiline: Bool) throws(ReviewContentError) -> String? {
        guard let trimmed = value.map(trimmingWhitespace), !trimmed.isEmpty else { return nil }
        let length = trimmed.count
        guard length <= limit else { throw .invalid(field: field, reason: "is \(length) characters long; at most \(limit) are allowed") }
        for scalar in trimmed.unicodeScalars where scalar.properties.generalCategory == .control {
            guard multiline, scalar == "\n" || scalar == "\t" || scalar == "\r" else {
                throw .invalid(field: field, reason: "contains the control character U+\(String(scalar.value, radix: 16, uppercase: true)); send plain text")
            }
        }
        return trimmed
    }

    private static func trimmingWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// A language subtag of 2 to 3 letters, then subtags of 1 to 8 letters or digits.
    private static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
