/// A relationship a platform reports between two of its users.
public struct SocialEdge: Sendable, Hashable, Codable {
    /// What kind of relationship: follows and vouches are one-way, friendship both ways.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case follows, friend, vouchesFor = "vouches-for"
    }

    public var from: Int32
    public var to: Int32
    public var kind: Kind

    public init(from: Int32, to: Int32, kind: Kind) {
        self.from = from
        self.to = to
        self.kind = kind
    }
}
