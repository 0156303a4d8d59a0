/// Why a clip is held for a moderator: the kind of a clip's flag, which the queue filters
/// by and the platform API explains. The raw values are the ones stored and served.
///
/// The set is open: a kind this build does not know (written by a newer one) is kept as
/// ``unknown(_:)`` with its text, so reading it never fails and writing it back changes nothing.
public enum FlagKind: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The clip matches an earlier clip of another reviewer identity.
    case copyOfOtherIdentity
    /// The clip matches brand or stock footage in the reference bank.
    case referenceFootage
    /// The reviewer's identity is banned.
    case bannedIdentity
    /// The reviewer is one of a group of low-trust identities that shared content or co-reviewed.
    case ring
    /// The clip's content credentials declare it made by a trained model.
    case aiGenerated
    /// The clip's content credentials do not verify.
    case provenanceInvalid
    /// A kind this build does not know, kept as written.
    case unknown(String)

    public init(rawValue: String) {
        self = switch rawValue {
        case "copy-of-other-identity": .copyOfOtherIdentity
        case "reference-footage": .referenceFootage
        case "banned-identity": .bannedIdentity
        case "ring": .ring
        case "ai-generated": .aiGenerated
        case "provenance-invalid": .provenanceInvalid
        default: .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .copyOfOtherIdentity: "copy-of-other-identity"
        case .referenceFootage: "reference-footage"
        case .bannedIdentity: "banned-identity"
        case .ring: "ring"
        case .aiGenerated: "ai-generated"
        case .provenanceInvalid: "provenance-invalid"
        case .unknown(let text): text
        }
    }

    public var description: String { rawValue }
}
