import Foundation
import VouchModel

/// The `review` part of a submitted review, read strictly: a JSON object with only the
/// fields the API document names, each of the right type, then held to the review's
/// bounds. A misspelt field is an error rather than silently missing words.
struct ReviewDocument: Decodable {
    let content: ReviewContent

    /// The review in `bytes`, or a 422 problem naming the field at fault.
    static func content(of bytes: [UInt8]) throws(Problem) -> ReviewContent {
        let document: ReviewDocument
        do {
            document = try JSONDecoder().decode(ReviewDocument.self, from: Data(bytes))
        } catch let error as ReviewContentError {
            throw problem(error)
        } catch let DecodingError.typeMismatch(type, context) where !context.codingPath.isEmpty {
            throw problem(.invalid(field: path(context.codingPath), reason: "must be \(describe(type))"))
        } catch let DecodingError.valueNotFound(type, context) where !context.codingPath.isEmpty {
            throw problem(.invalid(field: path(context.codingPath), reason: "must be \(describe(type)), not null"))
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw problem(.invalid(field: path(context.codingPath), reason: "is not a valid value: \(context.debugDescription)"))
        } catch let DecodingError.keyNotFound(key, context) {
            throw problem(.missing(field: path(context.codingPath + [key])))
        } catch {
            throw problem(.notJSON("\(error)"))
        }
        do {
            return try document.content.validated()
        } catch {
            throw problem(error)
        }
    }

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: Field.self)
        try Field.refuseUnknown(in: fields, known: ["product", "productName", "rating", "title", "text", "language", "disclosures"])
        let disclosures = try fields.decodeIfPresent(DisclosuresDocument.self, forKey: Field("disclosures"))
        content = ReviewContent(
            product: try fields.decode(String.self, forKey: Field("product")),
            productName: try fields.decodeIfPresent(String.self, forKey: Field("productName")),
            rating: try Self.wholeStars(try fields.decode(Double.self, forKey: Field("rating"))),
            title: try fields.decodeIfPresent(String.self, forKey: Field("title")),
            text: try fields.decodeIfPresent(String.self, forKey: Field("text")),
            language: try fields.decodeIfPresent(String.self, forKey: Field("language")),
            disclosures: disclosures?.disclosures ?? Disclosures())
    }

    /// JSON has one kind of number: 4.0 is four stars, 4.5 is refused by name.
    private static func wholeStars(_ rating: Double) throws -> Int {
        guard rating.rounded() == rating, abs(rating) < 1000 else {
            throw ReviewContentError.invalid(field: "rating", reason: "must be a whole number of stars from 1 to 5, not \(rating)")
        }
        return Int(rating)
    }

    private static func problem(_ error: ReviewContentError) -> Problem {
        Problem(.unprocessableContent, "invalid-review", title: "The review is invalid", detail: error.description, field: error.field)
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map(\.stringValue).joined(separator: ".")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is String.Type: "a string"
        default: "an object"
        }
    }
}

/// The `disclosures` object: every field optional, each value one the API names.
private struct DisclosuresDocument: Decodable {
    let disclosures: Disclosures

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: Field.self)
        try Field.refuseUnknown(in: fields, known: ["verifiedPurchase", "incentive", "relationship", "source"], prefix: "disclosures.")
        disclosures = Disclosures(
            verifiedPurchase: try fields.decodeIfPresent(Bool.self, forKey: Field("verifiedPurchase")) ?? false,
            incentive: try Self.choice(Disclosures.Incentive.self, "incentive", in: fields) ?? .none,
            relationship: try Self.choice(Disclosures.Relationship.self, "relationship", in: fields) ?? .none,
            source: try Self.choice(Disclosures.Source.self, "source", in: fields) ?? .organic)
    }

    private static func choice<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type, _ name: String,
                                                                         in fields: KeyedDecodingContainer<Field>) throws -> Choice?
    where Choice.RawValue == String {
        guard let text = try fields.decodeIfPresent(String.self, forKey: Field(name)) else { return nil }
        guard let value = Choice(rawValue: text) else {
            let allowed = Choice.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw ReviewContentError.invalid(field: "disclosures.\(name)", reason: "must be one of \(allowed), not '\(text)'")
        }
        return value
    }
}

/// Any JSON member name, so unknown ones can be found and named.
private struct Field: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    static func refuseUnknown(in container: KeyedDecodingContainer<Field>, known: Set<String>, prefix: String = "") throws {
        if let unknown = container.allKeys.map(\.stringValue).sorted().first(where: { !known.contains($0) }) {
            throw ReviewContentError.unknownField(prefix + unknown)
        }
    }
}
