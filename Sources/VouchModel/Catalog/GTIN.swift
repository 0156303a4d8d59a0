/// A Global Trade Item Number (GS1): the barcode number that names one product whatever
/// shop sells it, so that reviews recorded on one platform can be shown on another's page
/// for the same product (syndication).
///
/// GTIN-8, -12 (UPC), -13 (EAN) and -14 are accepted and kept as fourteen digits, padded
/// with zeros on the left as GS1 prescribes, so one product has one key however it was written.
public struct GTIN: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Fourteen digits, the last one the check digit.
    public let digits: String

    /// The GTIN in `text`, spaces and hyphens allowed between digits; its check digit must hold.
    public init(_ text: String) throws(GTINError) {
        let digits = text.filter { $0 != " " && $0 != "-" }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .notDigits(text) }
        guard [8, 12, 13, 14].contains(digits.count) else { throw .wrongLength(digits.count) }
        let padded = String(repeating: "0", count: 14 - digits.count) + digits
        let values = padded.compactMap(\.wholeNumberValue)
        let expected = Self.checkDigit(of: values.dropLast())
        guard values.last == expected else { throw .wrongCheckDigit(expected: expected) }
        self.digits = padded
    }

    public var description: String { digits }

    /// GS1's check digit: weights 3 and 1 alternating from the rightmost data digit.
    private static func checkDigit(of data: ArraySlice<Int>) -> Int {
        let sum = data.reversed().enumerated().reduce(0) { sum, item in sum + item.element * (item.offset.isMultiple(of: 2) ? 3 : 1) }
        return (10 - sum % 10) % 10
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}

/// Why a text is not a GTIN, in words a platform's developer can act on.
public enum GTINError: Error, Sendable, Equatable, CustomStringConvertible {
    case notDigits(String)
    case wrongLength(Int)
    case wrongCheckDigit(expected: Int)

    public var description: String {
        switch self {
        case .notDigits(let text): "'\(text.prefix(40))' is not a GTIN: it must be 8, 12, 13 or 14 digits"
        case .wrongLength(let count): "a GTIN has 8, 12, 13 or 14 digits, not \(count)"
        case .wrongCheckDigit(let expected): "the GTIN's check digit is wrong (GS1's check digit for these digits is \(expected)); check it was copied correctly"
        }
    }
}
