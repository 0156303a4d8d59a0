import Foundation
import VouchModel
import VouchProvenance

/// What the pipeline concluded about a clip, committed in one transaction with its job.
public struct ClipOutcome: Sendable, Equatable {
    public var status: ClipStatus
    /// The score, its parts, the verdict, and why.
    public var explanation: ScoreExplanation
    /// What probing found, as JSON.
    public var probe: String
    /// The fingerprint in its compact binary form; nil when none could be made.
    public var fingerprint: Data?
    public var flags: [ClipFlag]
    public var matches: [ClipMatch]
    public var thumbnails: [KeyframeImage]
    /// The clip's verified C2PA content credentials; nil when they were not read.
    public var provenance: Provenance?
    /// Where the original, rendition and poster were kept; nil when none were.
    public var media: ClipMedia?

    public init(status: ClipStatus, explanation: ScoreExplanation, probe: String,
                fingerprint: Data?, flags: [ClipFlag] = [], matches: [ClipMatch] = [], thumbnails: [KeyframeImage] = [],
                provenance: Provenance? = nil, media: ClipMedia? = nil) {
        self.status = status
        self.explanation = explanation
        self.probe = probe
        self.fingerprint = fingerprint
        self.flags = flags
        self.matches = matches
        self.thumbnails = thumbnails
        self.provenance = provenance
        self.media = media
    }
}

/// A reason to hold a clip for a moderator, with its evidence as JSON.
public struct ClipFlag: Sendable, Equatable, Codable {
    public var kind: FlagKind
    public var detail: String
    public var evidence: String

    public init(kind: FlagKind, detail: String, evidence: String = "{}") {
        self.kind = kind
        self.detail = detail
        self.evidence = evidence
    }
}

/// An earlier clip this one matched, with the temporal alignment as JSON.
public struct ClipMatch: Sendable, Equatable, Codable {
    public var matchedClipID: Int64
    public var score: Double
    public var alignment: String
    /// The clips share only common content (an end card, an intro): evidence, not a copy,
    /// so ring detection does not count it.
    public var commonContentOnly: Bool

    public init(matchedClipID: Int64, score: Double, alignment: String, commonContentOnly: Bool = false) {
        self.matchedClipID = matchedClipID
        self.score = score
        self.alignment = alignment
        self.commonContentOnly = commonContentOnly
    }
}

/// A keyframe as a JPEG, kept so moderators can see what matched.
public struct KeyframeImage: Sendable, Equatable, Decodable {
    public var position: Int
    public var timestamp: Double
    public var jpeg: Data

    public init(position: Int, timestamp: Double, jpeg: Data) {
        self.position = position
        self.timestamp = timestamp
        self.jpeg = jpeg
    }
}
