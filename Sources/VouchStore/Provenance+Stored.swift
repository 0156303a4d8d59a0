import Foundation
import VouchProvenance

extension Provenance {
    /// The column's text: the type's own JSON, sorted keys, so the store, the API and the UI read one shape.
    func storedJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Decodes the column; nil stays nil, and text that is not a `Provenance` is a corrupt record.
    init?(storedJSON text: String?, clip: Int64) throws {
        guard let text else { return nil }
        do {
            self = try JSONDecoder().decode(Provenance.self, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptRecord("provenance of clip \(clip)")
        }
    }
}
