import Foundation
import VouchEncoding

/// The text of a JSON column (a clip's provenance, its score's explanation): the value's own
/// `Codable` form with sorted keys, so the store, the API and the UI read one shape.
enum StoredJSON {
    private static let encoder = JSONEncoder.document

    static func text(of value: some Encodable) throws -> String {
        try encoder.text(of: value)
    }

    /// Decodes a column; nil stays nil, and text that is not a `T` is a corrupt record, named by `what`.
    static func decode<T: Decodable>(_ type: T.Type, from text: String?, what: @autoclosure () -> String) throws -> T? {
        guard let text else { return nil }
        return try decode(T.self, fromText: text, what: what())
    }

    static func decode<T: Decodable>(_ type: T.Type, fromText text: String, what: @autoclosure () -> String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptRecord(what())
        }
    }
}
