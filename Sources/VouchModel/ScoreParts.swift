/// A clip's authenticity score with the three parts it is weighed from, each 0–1
/// (`Docs/scoring.md`): what shoppers see as "why".
public struct ScoreParts: Sendable, Equatable, Codable {
    public var score: Double
    public var identityAssurance: Double
    public var originality: Double
    public var reviewerTrust: Double

    public init(score: Double, identityAssurance: Double, originality: Double, reviewerTrust: Double) {
        self.score = score
        self.identityAssurance = identityAssurance
        self.originality = originality
        self.reviewerTrust = reviewerTrust
    }
}
