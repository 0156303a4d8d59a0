/// Why a submitted review's JSON was refused: the field and what is wrong with it, in words
/// a platform's developer can act on.
public enum ReviewContentError: Error, Sendable, Equatable, CustomStringConvertible {
    case notJSON(String)
    case tooLarge(bytes: Int, limit: Int)
    case unknownField(String)
    case missing(field: String)
    case invalid(field: String, reason: String)

    /// The field at fault, for the problem document; nil when the document as a whole is.
    public var field: String? {
        switch self {
        case .notJSON, .tooLarge: nil
        case .unknownField(let field), .missing(let field), .invalid(let field, _): field
        }
    }

    public var description: String {
        switch self {
        case .notJSON(let detail): "the review part is not a JSON object: \(detail)"
        case .tooLarge(let bytes, let limit): "the review part is \(bytes) bytes; at most \(limit) are accepted"
        case .unknownField(let field): "the review has an unknown field '\(field)'; check its spelling against the API document"
        case .missing(let field): "the review lacks the required field '\(field)'"
        case .invalid(let field, let reason): "the review's '\(field)' \(reason)"
        }
    }
}
