import Foundation
import VouchEncoding
import VouchModel
import VouchProvenance
import VouchStore

/// The identity and originality stages: who stands behind a clip, whose content it
/// copies, the flags that follow, and the explained score.
struct ClipAssessment {
    var flags: [ClipFlag]
    /// The score, the verdict, the matches and the kinds of `flags`: what the store keeps.
    var explanation: ScoreExplanation

    static func assess(_ clip: ClipRecord, matches: [ConfirmedMatch], provenance: Provenance = .absent, store: Store,
                       scoring: ScoringModel) async throws -> ClipAssessment {
        guard let reviewer = try await store.reviewer(id: clip.reviewerID),
              let identity = try await store.identity(id: reviewer.identityID)
        else { throw StoreError.notFound("the reviewer of clip \(clip.id)") }

        var evidence = ScoringEvidence()
        evidence.verifiedPurchase = clip.verifiedPurchase
        evidence.reviewerSigned = clip.reviewerSignature != nil
        evidence.accountAgeDays = reviewer.accountCreatedAt.map { clip.createdAt.timeIntervalSince($0) / 86_400 }
        evidence.graphTrust = identity.trust
        evidence.reputation = identity.reputation
        evidence.banned = identity.banned
        evidence.trustedCapture = provenance.isTrustedCapture
        for verified in matches {
            guard let earlier = try await store.clip(id: verified.clipID),
                  let earlierReviewer = try await store.reviewer(id: earlier.reviewerID) else { continue }
            let kind: MatchEvidence.Kind = earlier.isReference ? .referenceFootage
                : earlierReviewer.identityID == identity.id ? .sameIdentity : .otherIdentity
            evidence.matches.append(verified.evidence(of: kind))
        }

        var flags: [ClipFlag] = []
        if identity.banned {
            flags.append(ClipFlag(kind: .bannedIdentity, detail: "the reviewer's identity \(identity.id) is banned"))
        }
        let copies: [(MatchEvidence.Kind, FlagKind, String)] = [(.otherIdentity, .copyOfOtherIdentity, "another reviewer's earlier clip"),
                                                                (.referenceFootage, .referenceFootage, "brand or stock footage in the reference bank")]
        for (kind, flagKind, what) in copies {
            let hits = evidence.matches.filter { $0.kind == kind && !$0.commonContentOnly }
            guard !hits.isEmpty else { continue }
            let ids = hits.map { "\($0.clipID)" }.joined(separator: ", ")
            flags.append(ClipFlag(kind: flagKind, detail: "matches \(what): clip \(ids)", evidence: try Self.json(hits)))
        }
        flags += try Self.provenanceFlags(provenance)
        let explanation = ScoreExplanation(parts: scoring.score(evidence), verdict: verdict(of: evidence.matches),
                                           matches: evidence.matches, flags: flags.map(\.kind))
        return ClipAssessment(flags: flags, explanation: explanation)
    }

    /// The gravest match decides: reference footage, then another identity's clip, then one's own.
    static func verdict(of matches: [MatchEvidence]) -> Verdict {
        let kinds = Set(matches.filter { !$0.commonContentOnly }.map(\.kind))
        if kinds.contains(.referenceFootage) { return .referenceFootage }
        if kinds.contains(.otherIdentity) { return .copy }
        if kinds.contains(.sameIdentity) { return .reUpload }
        return .original
    }

    /// A declared AI-generated clip is held whoever signed it (a label against oneself is
    /// believable from anyone); a credential broken after signing is held as tampering.
    static func provenanceFlags(_ provenance: Provenance) throws -> [ClipFlag] {
        var flags: [ClipFlag] = []
        if provenance.aiGenerated && provenance.state != .invalid {
            let who = provenance.generator ?? provenance.signer ?? "its signer"
            flags.append(ClipFlag(kind: .aiGenerated,
                                  detail: "the clip's content credentials (\(provenance.state.rawValue), from \(who)) declare it made by a trained model (\(provenance.digitalSourceType ?? "?"))",
                                  evidence: try json(provenance)))
        }
        if provenance.state == .invalid {
            flags.append(ClipFlag(kind: .provenanceInvalid,
                                  detail: "the clip's content credentials do not verify: \(provenance.reason ?? "unknown reason")",
                                  evidence: try json(provenance)))
        }
        return flags
    }

    private static func json(_ value: some Encodable) throws -> String {
        try JSONEncoder.sortedKeys.text(of: value)
    }
}
