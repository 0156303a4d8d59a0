/// An earlier clip this one copies, and whose it was: what the score's originality part
/// and the verdict are made from, kept in the score's explanation.
public struct MatchEvidence: Sendable, Equatable, Codable {
    /// Whose the earlier clip was.
    public enum Kind: String, Sendable, Codable {
        /// The same reviewer identity's own earlier clip.
        case sameIdentity = "same-identity"
        /// Another identity's earlier clip.
        case otherIdentity = "other-identity"
        /// Brand or stock footage that moderators put in the reference bank.
        case referenceFootage = "reference-footage"
    }

    public var clipID: Int64
    public var kind: Kind
    public var score: Double
    /// How much of this clip the match covers, 0–1.
    public var queryCoverage: Double

    public init(clipID: Int64, kind: Kind, score: Double, queryCoverage: Double) {
        self.clipID = clipID
        self.kind = kind
        self.score = score
        self.queryCoverage = queryCoverage
    }
}
