import Foundation
import VouchModel
import VouchStore

/// Clips as a worker leaves them (submitted, claimed and finished with an outcome), made
/// straight through the store, with no media and no pipeline: moderation's fixtures.
public enum AnalysedClips {
    /// A submission by `reviewer` on `platform` whose content hash stands for `content`.
    public static func submission(_ content: String, platform: String = "shop", reviewer: String = "alice", product: String = "sku-1") -> ClipSubmission {
        ClipSubmission(platformID: platform, reviewerAccount: reviewer, productID: product,
                       contentSHA256: String(repeating: content, count: 64 / max(1, content.count) + 1).prefix(64).description,
                       byteCount: Int64(content.count), attestationID: UUID().uuidString, spoolPath: "/spool/\(content)")
    }

    /// A published original with two keyframes.
    public static func original() -> ClipOutcome {
        ClipOutcome(status: .published, explanation: explanation(.original, score: 0.8, originality: 1),
                    probe: #"{"durationSeconds": 8}"#, fingerprint: Data("fingerprint".utf8), thumbnails: keyframes)
    }

    /// A clip held as a mirrored copy of `original`, with a one-segment alignment and two keyframes.
    public static func copy(of original: Int64, flag: FlagKind = .copyOfOtherIdentity) -> ClipOutcome {
        let alignment = """
            {"score": 0.92, "match": true, "queryCoverage": 0.94, "referenceCoverage": 0.88, "segments": [{"queryStart": 0, "queryEnd": 7.5, \
            "referenceStart": 0.5, "referenceEnd": 8, "speed": 1, "offset": 0.5, "symmetry": "mirror", "matchedFrames": 15, "meanDistance": 12}]}
            """
        return ClipOutcome(status: .flagged, explanation: explanation(.copy, score: 0.3, originality: 0.06),
                           probe: #"{"durationSeconds": 7.5}"#, fingerprint: Data("fingerprint".utf8),
                           flags: [ClipFlag(kind: flag, detail: "matches clip \(original)", evidence: #"[{"clipID": \#(original), "kind": "other-identity"}]"#)],
                           matches: [ClipMatch(matchedClipID: original, score: 0.92, alignment: alignment)], thumbnails: keyframes)
    }

    /// Two tiny stand-in JPEGs (SOI, a comment, EOI), at 1 s and 5 s.
    public static let keyframes = [1.0, 5.0].enumerated().map { position, time in
        KeyframeImage(position: position, timestamp: time, jpeg: Data([0xFF, 0xD8, 0xFF, 0xFE, 0x00, 0x03, UInt8(position), 0xFF, 0xD9]))
    }

    private static func explanation(_ verdict: Verdict, score: Double, originality: Double) -> ScoreExplanation {
        ScoreExplanation(parts: ScoreParts(score: score, identityAssurance: 0.6, originality: originality, reviewerTrust: 0.25), verdict: verdict)
    }
}

extension Store {
    /// Submits `submission`, claims its job and finishes it with `outcome`; the returned
    /// clip is as the pipeline would leave it. Claims the oldest ready job, so call it
    /// only when no other job is waiting.
    public func analysedClip(_ submission: ClipSubmission, outcome: ClipOutcome) async throws -> ClipRecord {
        let receipt = try await submit(submission)
        guard let job = try await claimJob(worker: "fixture"), job.clipID == receipt.clip.id else {
            throw StoreError.notFound("the job of clip \(receipt.clip.id)")
        }
        try await finish(job, with: outcome)
        guard let clip = try await clip(id: receipt.clip.id) else { throw StoreError.notFound("clip \(receipt.clip.id)") }
        return clip
    }
}

extension Store {
    /// The identity behind a clip's reviewer, as it is now.
    public func identity(ofClip clip: ClipRecord) async throws -> IdentityRecord {
        guard let reviewer = try await reviewer(id: clip.reviewerID), let identity = try await identity(id: reviewer.identityID) else {
            throw StoreError.notFound("the identity behind clip \(clip.id)")
        }
        return identity
    }
}
