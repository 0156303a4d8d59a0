import VouchFingerprint

/// Where verification fetches a candidate's whole fingerprint.
///
/// The index keeps only hashes and times in memory; thumbnails, variants and the
/// rest live in the store, which implements this. Only the few best candidates
/// of a query are fetched.
public protocol FingerprintProvider: Sendable {
    /// The fingerprint stored for a clip, or nil when the store no longer has it.
    func fingerprint(ofClip clipID: Int64) async throws -> VideoFingerprint?
}

/// A candidate the full matcher confirmed.
public struct VerifiedMatch: Sendable {
    public var candidate: ClipCandidate
    public var match: FingerprintMatch

    public var clipID: Int64 { candidate.clipID }
}

extension NearDuplicateIndex {
    /// The indexed clips `query` matches, verified by `matcher` on their stored
    /// fingerprints, by score, highest first.
    public nonisolated func matches(
        for query: VideoFingerprint, verifiedBy provider: some FingerprintProvider, using matcher: TemporalMatcher = TemporalMatcher()
    ) async throws -> [VerifiedMatch] {
        var verified: [VerifiedMatch] = []
        for candidate in await candidates(for: query) {
            guard let reference = try await provider.fingerprint(ofClip: candidate.clipID) else { continue }
            let match = matcher.compare(query, with: reference)
            if match.isMatch { verified.append(VerifiedMatch(candidate: candidate, match: match)) }
        }
        return verified.sorted { $0.match.score > $1.match.score }
    }
}
