/// What the pipeline concluded about a clip's originality: the word shoppers, moderators,
/// platforms and the review log all show. The raw values are the API's and the log's.
///
/// The set is open: a verdict this build does not know (written by a newer one) is kept as
/// ``unknown(_:)`` with its text, so reading it never fails and writing it back changes nothing.
public enum Verdict: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// No earlier clip matched.
    case original
    /// The same reviewer identity's own earlier clip matched.
    case reUpload
    /// Another identity's earlier clip matched.
    case copy
    /// Brand or stock footage in the reference bank matched.
    case referenceFootage
    /// A published clip whose score was stored without an explanation.
    case unexplained
    /// A verdict this build does not know, kept as written.
    case unknown(String)

    public init(rawValue: String) {
        self = switch rawValue {
        case "original": .original
        case "re-upload": .reUpload
        case "copy": .copy
        case "reference-footage": .referenceFootage
        case "unexplained": .unexplained
        default: .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .original: "original"
        case .reUpload: "re-upload"
        case .copy: "copy"
        case .referenceFootage: "reference-footage"
        case .unexplained: "unexplained"
        case .unknown(let text): text
        }
    }

    public var description: String { rawValue }
}
