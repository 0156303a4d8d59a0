/// Why a clip scored what it did: the document the pipeline writes beside the score, and
/// the store, the shopper API, the moderator's pages and the webhooks read. One type, so
/// every reader decodes the same shape; its JSON is `{"flags", "matches", "score", "verdict"}`.
public struct ScoreExplanation: Sendable, Equatable, Codable {
    /// The score and its parts; `score` in the JSON.
    public var parts: ScoreParts
    public var verdict: Verdict
    /// The earlier clips this one matched, and whose they were.
    public var matches: [MatchEvidence]
    /// The kinds of the flags the pipeline raised.
    public var flags: [FlagKind]

    public init(parts: ScoreParts, verdict: Verdict, matches: [MatchEvidence] = [], flags: [FlagKind] = []) {
        self.parts = parts
        self.verdict = verdict
        self.matches = matches
        self.flags = flags
    }

    private enum CodingKeys: String, CodingKey {
        case parts = "score", verdict, matches, flags
    }

    /// Tolerant of documents written by other versions: only the score is required; a missing
    /// verdict reads as ``Verdict/unexplained``, missing matches and flags as none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        parts = try container.decode(ScoreParts.self, forKey: .parts)
        verdict = try container.decodeIfPresent(Verdict.self, forKey: .verdict) ?? .unexplained
        matches = try container.decodeIfPresent([MatchEvidence].self, forKey: .matches) ?? []
        flags = try container.decodeIfPresent([FlagKind].self, forKey: .flags) ?? []
    }
}
