import Foundation
import SQLKit

/// A record the store reads from a row with SQLKit's `Codable` support: its properties name
/// the columns, so a renamed column is a decoding error, not a forgotten line.
protocol StoredRecord: Decodable {}

extension StoredRecord {
    init(row: any SQLRow) throws {
        self = try RecordRow(base: row).decode(model: Self.self, with: .snakeCaseColumns)
    }
}

/// A column whose text is its value's JSON (``StoredJSON``).
protocol StoredAsJSON: Decodable {}

/// A row as records read it: times are integer milliseconds (``Date/init(storeMilliseconds:)``),
/// JSON columns are text, and a value that does not decode makes a corrupt record. Every
/// other value is read as `row.decode(column:as:)` reads it, the same on both engines.
struct RecordRow: SQLRow {
    let base: any SQLRow

    var allColumns: [String] { base.allColumns }

    func contains(column: String) -> Bool { base.contains(column: column) }

    func decodeNil(column: String) throws -> Bool { try base.decodeNil(column: column) }

    /// Names a column of this row in an error; built only when there is one.
    private func describe(_ column: String) -> String {
        "\(column) of row \((try? base.decode(column: "id", as: Int64.self)).map(String.init) ?? "?")"
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        if D.self == Date.self, let date = Date(storeMilliseconds: try base.decode(column: column, as: Int64.self)) as? D {
            return date
        }
        if D.self is any StoredAsJSON.Type {
            return try StoredJSON.decode(D.self, fromText: base.decode(column: column, as: String.self), what: describe(column))
        }
        do {
            return try base.decode(column: column, as: D.self)
        } catch is DecodingError {
            throw StoreError.corruptRecord(describe(column))
        }
    }
}
