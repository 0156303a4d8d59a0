import Foundation
import VouchModel
import VouchStore

extension Store {
    /// Submits a clip and finishes its job at once with `status` and `score`: a clip as the
    /// pipeline leaves it, without media but with `poster` as its one keyframe and the
    /// review's words when given.
    /// Returns the clip's id.
    @discardableResult
    public func finishedClip(platform: String = "shop", reviewer: String, handle: String? = nil, product: String, productName: String? = nil, score: Double,
                             status: ClipStatus = .published, flags: [FlagKind] = [], poster: Data? = nil,
                             content: SubmittedContent? = nil) async throws -> Int64 {
        let submission = ClipSubmission(platformID: platform, reviewerAccount: reviewer, reviewerHandle: handle, productID: product, productName: productName,
                                        contentSHA256: String(repeating: "0", count: 64), byteCount: 1, attestationID: UUID().uuidString,
                                        verifiedPurchase: content?.review.disclosures.verifiedPurchase ?? false,
                                        spoolPath: "/spool/none", content: content)
        let clip = try await submit(submission).clip
        try await finishNextJob(of: clip.id, score: score, status: status, flags: flags, poster: poster)
        return clip.id
    }

    /// Finishes the queued job of `clip` as the pipeline would with `status` and `score`.
    public func finishNextJob(of clip: Int64, score: Double, status: ClipStatus = .published, flags: [FlagKind] = [], poster: Data? = nil) async throws {
        guard let job = try await claimJob(worker: "test"), job.clipID == clip else { throw StoreError.notFound("the job of clip \(clip)") }
        let explanation = ScoreExplanation(parts: ScoreParts(score: score, identityAssurance: 0.6, originality: 1, reviewerTrust: 0.25),
                                           verdict: .original, flags: flags)
        try await finish(job, with: ClipOutcome(status: status, explanation: explanation, probe: "{}",
                                                fingerprint: nil, flags: flags.map { ClipFlag(kind: $0, detail: "test") },
                                                thumbnails: poster.map { [KeyframeImage(position: 0, timestamp: 0, jpeg: $0)] } ?? []))
    }
}
