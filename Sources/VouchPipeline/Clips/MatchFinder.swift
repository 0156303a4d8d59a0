import VouchFingerprint
import VouchIndex
import VouchStore

/// An earlier clip a new clip copies, confirmed by the temporal matcher.
struct ConfirmedMatch: Sendable {
    var clipID: Int64
    var match: FingerprintMatch
}

/// The match stage: every earlier clip a new clip copies.
///
/// Candidates come from two places. The index proposes clips whose frames hash close to
/// this clip's, or whose local features a reframed copy (a crop, a zoom, an inset, a
/// filmed screen) still shows, in milliseconds over millions of clips. As a safety net,
/// the clips of the same product and the reference bank are also compared directly, up
/// to `productSweep` of them, newest first.
struct MatchFinder: Sendable {
    let index: IndexFollower
    let store: Store
    let matcher: TemporalMatcher
    let productSweep: Int

    func matches(of fingerprint: VideoFingerprint, for clip: ClipRecord) async throws -> [ConfirmedMatch] {
        var confirmed = try await index.matches(for: fingerprint, using: matcher)
            .filter { $0.clipID != clip.id }
            .map { ConfirmedMatch(clipID: $0.clipID, match: $0.match) }
        var compared = Set(confirmed.map(\.clipID))
        compared.insert(clip.id)
        let swept = try await store.sweepCandidates(for: clip, limit: productSweep).filter { compared.insert($0).inserted }
        confirmed += try await matches(of: fingerprint, among: swept)
        return confirmed.sorted { $0.match.score > $1.match.score }
    }

    /// The clips of `candidates` that `fingerprint` matches, each compared directly on its stored fingerprint.
    func matches(of fingerprint: VideoFingerprint, among candidates: [Int64]) async throws -> [ConfirmedMatch] {
        var confirmed: [ConfirmedMatch] = []
        for candidate in candidates {
            guard let data = try await store.fingerprint(clip: candidate), let reference = try? VideoFingerprint(binary: data) else { continue }
            let match = matcher.compare(fingerprint, with: reference)
            if match.isMatch { confirmed.append(ConfirmedMatch(clipID: candidate, match: match)) }
        }
        return confirmed
    }
}
