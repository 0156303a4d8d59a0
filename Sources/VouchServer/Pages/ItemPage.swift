import Foundation
import VouchFingerprint
import VouchProvenance
import VouchStore

/// One held clip's evidence: its flags; each match with the two clips' keyframes side
/// by side, the alignment as a timeline and the two renditions to play in step; the
/// reviewer, their identity and trust; the score's parts; the decisions so far; and the
/// decision form.
struct ItemPage: Sendable {
    struct Flag: Sendable {
        var kind: String
        var detail: String
        var evidence: String
    }

    struct Keyframe: Sendable {
        var source: String
        var caption: String
    }

    /// A keyframe of this clip beside the matched clip's keyframe nearest the moment the alignment maps it to.
    struct KeyframePair: Sendable {
        var left: Keyframe
        var right: Keyframe?
        var note: String
    }

    struct Segment: Sendable {
        var number: Int
        var queryRange: String
        var referenceRange: String
        var speed: String
        var offset: String
        var symmetry: String
        var frames: Int
        /// "excerpt", or "common content" for a segment set aside as common content.
        var part: String
        /// The form that banks the segment as benign, for admins.
        var bank: BankForm?
    }

    /// Puts one matched segment of this clip in the benign bank (`POST /moderate/clips/{id}/common-content`).
    struct BankForm: Sendable {
        var action: String
        var csrf: String
        var match: Int64
        var segment: Int
    }

    struct Match: Sendable {
        var clipID: Int64
        var link: String
        var platform: String
        var reviewer: String
        var status: String
        var isReference: Bool
        var score: String
        var queryCoverage: String
        var referenceCoverage: String
        var timeline: String?
        var hasSegments: Bool
        var segments: [Segment]
        var playback: Playback?
        var playbackNote: String?
        var pairs: [KeyframePair]
    }

    struct Account: Sendable {
        var platform: String
        var account: String
        var handle: String
        var created: String
    }

    struct ScoreParts: Sendable {
        var identityAssurance: String
        var originality: String
        var reviewerTrust: String
    }

    struct Decision: Sendable {
        var at: String
        var moderator: String
        var action: String
        var reason: String
    }

    struct Action: Sendable {
        var value: String
        var label: String
        var help: String
        var allowed: Bool
    }

    var title: String
    var moderator: ModeratorView
    var clipID: Int64
    var platform: String
    var product: String
    var status: String
    var verdict: String
    var score: String
    var scoreParts: ScoreParts?
    var provenance: ProvenanceView
    var received: String
    var sha256: String
    var duration: String
    var isReference: Bool
    var flags: [Flag]
    var reviewer: Account
    var identityID: Int64
    var trust: String
    var reputation: String
    var banned: Bool
    var hasReviewerKey: Bool
    var accounts: [Account]
    var keyframes: [Keyframe]
    var matches: [Match]
    var hasMatches: Bool
    /// Whether any match has players, so the page loads the script that keeps them in step.
    var hasPlayback: Bool
    var decisions: [Decision]
    var actions: [Action]
    var decidable: Bool
    var auditLink: String

    init(_ item: ModerationItem, moderator: ModeratorView, role: ModeratorRole) {
        let clip = item.clip
        title = "Clip \(clip.id)"
        self.moderator = moderator
        clipID = clip.id
        platform = clip.platformID
        product = clip.productID
        status = clip.status.rawValue
        verdict = clip.verdict?.rawValue ?? "–"
        score = PageFormat.score(clip.score)
        scoreParts = clip.explanation.map {
            ScoreParts(identityAssurance: PageFormat.score($0.parts.identityAssurance), originality: PageFormat.score($0.parts.originality),
                       reviewerTrust: PageFormat.score($0.parts.reviewerTrust))
        }
        provenance = ProvenanceView(clip.provenance)
        received = PageFormat.time(clip.createdAt)
        sha256 = clip.contentSHA256
        duration = ModerationItem.duration(of: clip).map(PageFormat.seconds) ?? "–"
        isReference = clip.isReference
        flags = item.flags.map { Flag(kind: $0.kind.rawValue, detail: $0.detail, evidence: Self.pretty($0.evidence)) }
        reviewer = Self.account(item.reviewer)
        identityID = item.identity.id
        trust = PageFormat.score(item.identity.trust)
        reputation = PageFormat.signed(item.identity.reputation)
        banned = item.identity.banned
        hasReviewerKey = item.identity.publicKey != nil
        accounts = item.linkedAccounts.map(Self.account)
        keyframes = item.keyframes.map { Self.keyframe($0, clip: clip.id) }
        let bankAs = role == .admin ? moderator.csrf : nil
        matches = item.matches.map { Self.match($0, of: item, bankingWith: bankAs) }
        hasMatches = !matches.isEmpty
        hasPlayback = matches.contains { $0.playback != nil }
        decisions = item.decisions.map {
            Decision(at: PageFormat.time($0.createdAt), moderator: $0.moderator, action: $0.action.rawValue, reason: $0.reason)
        }
        actions = ModerationAction.allCases.map { action in
            Action(value: action.rawValue, label: Self.label(action), help: Self.help(action), allowed: role.may(action) && action.decidableStatuses.contains(clip.status))
        }
        decidable = actions.contains { $0.allowed }
        auditLink = PageFormat.link("/moderate/audit", [("subject", "clip:\(clip.id)")])
    }

    /// `csrf` is the session's token when the moderator may bank segments as benign, else nil.
    private static func match(_ matched: ModerationItem.MatchedClip, of item: ModerationItem, bankingWith csrf: String?) -> Match {
        let excerpts = matched.alignment?.segments ?? []
        let segments = excerpts + (matched.alignment?.commonSegments ?? [])
        let queryDuration = ModerationItem.duration(of: item.clip) ?? segments.map(\.queryEnd).max() ?? 0
        let referenceDuration = ModerationItem.duration(of: matched.clip) ?? segments.map(\.referenceEnd).max() ?? 0
        let (playback, playbackNote) = Playback.make(clip: item.clip.id, media: item.media, matched: matched.clip.id,
                                                     matchedMedia: matched.media, segments: segments)
        let timeline = segments.isEmpty ? nil : AlignmentTimeline(
            id: "timeline-\(matched.clip.id)", queryLabel: "Clip \(item.clip.id)", referenceLabel: "Clip \(matched.clip.id)",
            queryDuration: queryDuration, referenceDuration: referenceDuration, segments: segments).svg()
        return Match(
            clipID: matched.clip.id, link: "/moderate/clips/\(matched.clip.id)", platform: matched.clip.platformID,
            reviewer: matched.reviewer.map { "\($0.account) (identity \($0.identityID))" } ?? "–", status: matched.clip.status.rawValue,
            isReference: matched.clip.isReference, score: PageFormat.score(matched.match.score),
            queryCoverage: matched.alignment.map { PageFormat.percent($0.queryCoverage) } ?? "–",
            referenceCoverage: matched.alignment.map { PageFormat.percent($0.referenceCoverage) } ?? "–",
            timeline: timeline,
            hasSegments: !segments.isEmpty,
            segments: segments.enumerated().map { number, segment in
                Segment(number: number + 1,
                        queryRange: "\(PageFormat.seconds(segment.queryStart)) – \(PageFormat.seconds(segment.queryEnd))",
                        referenceRange: "\(PageFormat.seconds(segment.referenceStart)) – \(PageFormat.seconds(segment.referenceEnd))",
                        speed: String(format: "%.2f×", segment.speed), offset: PageFormat.signed(segment.offset) + " s",
                        symmetry: segment.symmetry.rawValue, frames: segment.matchedFrames,
                        part: number < excerpts.count ? "excerpt" : "common content",
                        bank: csrf.map { BankForm(action: "/moderate/clips/\(item.clip.id)/common-content", csrf: $0, match: matched.clip.id, segment: number + 1) })
            },
            playback: playback, playbackNote: playbackNote,
            pairs: item.keyframes.map { pair($0, clip: item.clip.id, with: matched, segments: segments) })
    }

    /// Pairs a keyframe with the matched clip's keyframe nearest to where the alignment
    /// (`reference = speed × query + offset`) puts it; none outside the matched segments.
    private static func pair(_ frame: KeyframePosition, clip: Int64, with matched: ModerationItem.MatchedClip, segments: [MatchSegment]) -> KeyframePair {
        let left = keyframe(frame, clip: clip)
        guard let segment = segments.first(where: { $0.queryStart - 0.5 <= frame.timestamp && frame.timestamp <= $0.queryEnd + 0.5 }) else {
            return KeyframePair(left: left, right: nil, note: "outside the matched segments")
        }
        let aligned = min(max(segment.speed * frame.timestamp + segment.offset, segment.referenceStart), segment.referenceEnd)
        guard let nearest = matched.keyframes.min(by: { abs($0.timestamp - aligned) < abs($1.timestamp - aligned) }) else {
            return KeyframePair(left: left, right: nil, note: "the matched clip has no keyframes")
        }
        return KeyframePair(left: left, right: keyframe(nearest, clip: matched.clip.id),
                            note: "aligned to \(PageFormat.seconds(aligned)) of clip \(matched.clip.id)")
    }

    private static func keyframe(_ frame: KeyframePosition, clip: Int64) -> Keyframe {
        Keyframe(source: "/moderate/clips/\(clip)/keyframes/\(frame.position).jpg", caption: "Clip \(clip) at \(PageFormat.seconds(frame.timestamp))")
    }

    private static func account(_ reviewer: ReviewerRecord) -> Account {
        Account(platform: reviewer.platformID, account: reviewer.account, handle: reviewer.handle ?? "–",
                created: reviewer.accountCreatedAt.map(PageFormat.time) ?? "unknown")
    }

    private static func pretty(_ json: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return json }
        return String(decoding: data, as: UTF8.self)
    }

    private static func label(_ action: ModerationAction) -> String {
        switch action {
        case .approve: return "Approve"
        case .reject: return "Reject"
        case .banIdentity: return "Ban identity"
        case .markReference: return "Mark as reference footage"
        }
    }

    private static func help(_ action: ModerationAction) -> String {
        switch action {
        case .approve: return "Publish the clip; the reviewer's reputation rises by 1."
        case .reject: return "Keep it from shoppers and take it out of the index; reputation falls by 1."
        case .banIdentity: return "Reject the clip, ban the person (reputation −3) and hold their other published clips. Admins only."
        case .markReference: return "Brand or stock footage: later copies of it are penalised; hidden from shoppers. Admins only."
        }
    }
}
