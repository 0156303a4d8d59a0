import SQLKit

extension SQLRowDecoder {
    /// Rows into `Decodable` records: a record's camel-case properties name the table's
    /// snake-case columns (`matchedClipID` reads `matched_clip_id`, `contentSHA256` reads
    /// `content_sha256`). SQLKit's own `convertFromSnakeCase` would look for `matched_clip_iD`.
    static let snakeCaseColumns = SQLRowDecoder(keyDecodingStrategy: .custom { path in
        ColumnKey(property: path.last?.stringValue ?? "")
    })
}

/// A column named from a property: an underscore wherever a capital follows a small letter or
/// a digit, then all lower case.
private struct ColumnKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(property: String) {
        var column = ""
        var previous: Character?
        for character in property {
            if character.isUppercase, let previous, previous.isLowercase || previous.isNumber { column.append("_") }
            column.append(character)
            previous = character
        }
        stringValue = column.lowercased()
    }

    init?(stringValue: String) { self.stringValue = stringValue }

    init?(intValue: Int) { nil }
}
