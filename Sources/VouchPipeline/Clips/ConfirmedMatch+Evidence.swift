import Foundation
import VouchFingerprint
import VouchModel
import VouchStore

extension ConfirmedMatch {
    /// The match as the score's explanation keeps it: which stretches of the clip are a
    /// copied excerpt and which only common content (first to last matched frame).
    func evidence(of kind: MatchEvidence.Kind) -> MatchEvidence {
        let stretches = { (segments: [MatchSegment]) in segments.map { ClipStretch(start: $0.queryStart, end: $0.queryEnd) } }
        return MatchEvidence(clipID: clipID, kind: kind, score: match.score, queryCoverage: match.queryCoverage,
                             excerpts: stretches(match.segments), commonContent: stretches(match.commonSegments ?? []),
                             commonContentOnly: match.isCommonContentOnly)
    }

    /// The match as the store keeps it, its alignment (common segments included) as JSON.
    func record() throws -> ClipMatch {
        ClipMatch(matchedClipID: clipID, score: match.score, alignment: try JSONEncoder().text(of: match), commonContentOnly: match.isCommonContentOnly)
    }
}
