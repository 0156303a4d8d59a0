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
    /// How much of this clip the match covers, 0–1, common content left out.
    public var queryCoverage: Double
    /// Where this clip shows the earlier clip outside common content: the copied excerpts.
    public var excerpts: [ClipStretch]
    /// Where the two clips share only common content (an end card, an intro), which counts for nothing.
    public var commonContent: [ClipStretch]
    /// The clips share common content and nothing else: shown to moderators, never a copy.
    public var commonContentOnly: Bool

    public init(clipID: Int64, kind: Kind, score: Double, queryCoverage: Double,
                excerpts: [ClipStretch] = [], commonContent: [ClipStretch] = [], commonContentOnly: Bool = false) {
        self.clipID = clipID
        self.kind = kind
        self.score = score
        self.queryCoverage = queryCoverage
        self.excerpts = excerpts
        self.commonContent = commonContent
        self.commonContentOnly = commonContentOnly
    }

    private enum CodingKeys: String, CodingKey {
        case clipID, kind, score, queryCoverage, excerpts, commonContent, commonContentOnly
    }

    /// Explanations stored before common content was recognised have no stretches: read as none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(clipID: try container.decode(Int64.self, forKey: .clipID), kind: try container.decode(Kind.self, forKey: .kind),
                  score: try container.decode(Double.self, forKey: .score), queryCoverage: try container.decode(Double.self, forKey: .queryCoverage),
                  excerpts: try container.decodeIfPresent([ClipStretch].self, forKey: .excerpts) ?? [],
                  commonContent: try container.decodeIfPresent([ClipStretch].self, forKey: .commonContent) ?? [],
                  commonContentOnly: try container.decodeIfPresent(Bool.self, forKey: .commonContentOnly) ?? false)
    }

    /// Writes the stretches only when there are some, so documents written before read and write back the same bytes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(clipID, forKey: .clipID)
        try container.encode(kind, forKey: .kind)
        try container.encode(score, forKey: .score)
        try container.encode(queryCoverage, forKey: .queryCoverage)
        if !excerpts.isEmpty { try container.encode(excerpts, forKey: .excerpts) }
        if !commonContent.isEmpty { try container.encode(commonContent, forKey: .commonContent) }
        if commonContentOnly { try container.encode(commonContentOnly, forKey: .commonContentOnly) }
    }
}

/// A stretch of a clip, in seconds from its start.
public struct ClipStretch: Sendable, Equatable, Codable {
    public var start: Double
    public var end: Double

    public init(start: Double, end: Double) {
        self.start = start
        self.end = end
    }
}
