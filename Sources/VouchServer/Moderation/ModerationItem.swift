import Foundation
import VouchFingerprint
import VouchStore

/// Everything a moderator weighs about one clip: the clip and its flags, what it
/// matched (with the alignment and the other clip), who sent it and how far Vouch
/// trusts them, and the decisions taken so far. The score's explanation is the clip's;
/// `media` (and each matched clip's) names the stored rendition the page plays.
struct ModerationItem: Sendable {
    /// An earlier clip this one matched, with the alignment the matcher found.
    struct MatchedClip: Sendable {
        var match: ClipMatch
        var alignment: FingerprintMatch?
        var clip: ClipRecord
        var reviewer: ReviewerRecord?
        var keyframes: [KeyframePosition]
        var media: ClipMedia?
    }

    var clip: ClipRecord
    var flags: [ClipFlag]
    var reviewer: ReviewerRecord
    var identity: IdentityRecord
    var linkedAccounts: [ReviewerRecord]
    var keyframes: [KeyframePosition]
    var matches: [MatchedClip]
    var decisions: [ModerationDecision]
    var media: ClipMedia?

    /// Loads the item for clip `id`; nil when there is no such clip.
    static func load(clip id: Int64, from store: Store) async throws -> ModerationItem? {
        guard let clip = try await store.clip(id: id) else { return nil }
        guard let reviewer = try await store.reviewer(id: clip.reviewerID),
              let identity = try await store.identity(id: reviewer.identityID)
        else { throw StoreError.notFound("the reviewer of clip \(id)") }
        var matches: [MatchedClip] = []
        for match in try await store.matches(clip: id) {
            guard let matched = try await store.clip(id: match.matchedClipID) else { continue }
            matches.append(MatchedClip(
                match: match, alignment: try? JSONDecoder().decode(FingerprintMatch.self, from: Data(match.alignment.utf8)),
                clip: matched, reviewer: try await store.reviewer(id: matched.reviewerID),
                keyframes: try await store.keyframePositions(clip: matched.id), media: try await store.media(clip: matched.id)))
        }
        return ModerationItem(
            clip: clip, flags: try await store.flags(clip: id), reviewer: reviewer, identity: identity,
            linkedAccounts: try await store.reviewers(identity: identity.id), keyframes: try await store.keyframePositions(clip: id),
            matches: matches, decisions: try await store.decisions(clip: id), media: try await store.media(clip: id))
    }

    /// A clip's duration as probing found it, in seconds.
    static func duration(of clip: ClipRecord) -> Double? {
        struct Probe: Decodable { var durationSeconds: Double? }
        return clip.probe.flatMap { try? JSONDecoder().decode(Probe.self, from: Data($0.utf8)) }?.durationSeconds
    }
}
