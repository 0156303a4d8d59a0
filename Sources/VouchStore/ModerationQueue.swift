import Foundation
import VouchModel

/// Which held clips a moderator wants to see: by the kind of flag, and by platform.
public struct ModerationQueueFilter: Sendable, Equatable {
    /// Only clips with a flag of this kind; nil for all.
    public var flagKind: FlagKind?
    /// Only clips from this platform; nil for all.
    public var platform: String?

    public init(flagKind: FlagKind? = nil, platform: String? = nil) {
        self.flagKind = flagKind
        self.platform = platform
    }
}

/// One held clip in the queue, with what a moderator needs to pick it up.
public struct ModerationQueueEntry: Sendable, Equatable {
    public var clipID: Int64
    public var platformID: String
    public var productID: String
    public var reviewerAccount: String
    public var identityID: Int64
    public var verdict: Verdict?
    public var score: Double?
    /// The kinds of the clip's flags, in the order they were raised, without repeats.
    public var flagKinds: [FlagKind]
    public var createdAt: Date
}

/// A page of the queue, oldest first, and where the next page starts.
public struct ModerationQueuePage: Sendable, Equatable {
    public var entries: [ModerationQueueEntry]
    /// How many held clips match the filter in all.
    public var total: Int
    /// Pass as `after` for the next page; nil on the last page.
    public var nextAfter: Int64?
}

/// The values a queue filter can take right now: the flag kinds on held clips, and the platforms.
public struct ModerationQueueFacets: Sendable, Equatable {
    public var flagKinds: [FlagKind]
    public var platforms: [String]
}
