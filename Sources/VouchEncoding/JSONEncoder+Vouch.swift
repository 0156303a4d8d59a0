import Foundation

extension JSONEncoder {
    /// The API's answers, problem documents and webhook bodies: sorted keys, unescaped
    /// slashes and ISO 8601 dates, as the OpenAPI document describes them.
    public static var answer: JSONEncoder {
        let encoder = document
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Stored JSON documents (a clip's provenance and score explanation, the review log's
    /// leaves) and the CLI's output: sorted keys and unescaped slashes, so the same value
    /// always gives the same bytes.
    public static var document: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Sorted keys with Foundation's escaped slashes: the audit log's details, flag evidence
    /// and platform keys, which were first stored this way and must keep their bytes.
    public static var sortedKeys: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }

    /// `value` encoded, as text: how JSON columns, audit details and webhook bodies are kept.
    public func text(of value: some Encodable) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }
}
