/// How common content (intros, end cards, watermark animations, platform stings) is
/// recognised and discounted: `pipeline.commonContent` in `Config/vouch.json`.
///
/// The learning limits are what stop a fraudster with a few sock puppets from teaching
/// Vouch that a stolen excerpt is common: `Docs/security.md` describes the attack.
public struct CommonContentSettings: Sendable, Codable, Equatable {
    /// A matched segment with at least this share of its time inside common content is
    /// common content; a segment with less counts only its time outside.
    public var discountShare = 0.8
    /// Distinct identities, besides the new clip's own, whose clips must show a stretch
    /// at the same place before it is learned as common.
    public var identities = 3
    /// The longest stretch, in seconds, that is learned; a moderator's benign bank has no limit.
    public var longestLearnedSeconds = 5.0
    /// How near, in seconds, to a clip's start or end a learned stretch must lie, in the
    /// new clip and in every clip it was seen in: intros and end cards sit there.
    public var edgeSeconds = 1.0
    /// A stretch that covers more than this share of any clip it was seen in is never learned.
    public var largestClipShare = 0.5
    /// The shortest stretch, in seconds, worth learning: fewer frames are coincidence.
    public var shortestLearnedSeconds = 1.0

    public init() {}
}
