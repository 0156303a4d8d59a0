import Foundation

/// A stretch of common content in the bank: an end card, an intro, a platform's sting.
/// A match inside it counts for nothing; moderators see and remove entries.
public struct CommonContentEntry: Sendable, Equatable {
    /// Who put it in the bank.
    public enum Source: String, Sendable, Codable {
        /// The pipeline, having seen it at the edge of several identities' clips.
        case learned
        /// A moderator, from a clip's item page: the benign bank.
        case moderator
    }

    public var id: Int64
    /// The excerpt's frames, as `VideoFingerprint`'s binary form.
    public var fingerprint: Data
    public var seconds: Double
    public var source: Source
    /// `system`, or the moderator's name.
    public var addedBy: String
    public var reason: String
    /// The clips it was seen in when it was added.
    public var seenIn: [Int64]
    public var createdAt: Date
}
