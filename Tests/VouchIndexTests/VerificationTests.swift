import Testing
import VouchFingerprint
import VouchIndex

/// The store's side of verification, from a dictionary.
private struct StoredFingerprints: FingerprintProvider {
    var fingerprints: [Int64: VideoFingerprint]

    func fingerprint(ofClip clipID: Int64) async throws -> VideoFingerprint? {
        fingerprints[clipID]
    }
}

@Suite struct VerificationTests {
    @Test func theMatcherConfirmsTheCopyAndDropsWeakCandidates() async throws {
        var stored = (1...20).reduce(into: [Int64: VideoFingerprint]()) { $0[Int64($1)] = GeneratedClips.reference(seed: UInt64($1)) }
        // Clip 99 shares two frames with the query's source: enough for the vote, not for the matcher.
        var twoFrames = GeneratedClips.reference(seed: 500)
        twoFrames.frames[0].pdq = stored[4]!.frames[6].pdq
        twoFrames.frames[1].pdq = stored[4]!.frames[7].pdq
        stored[99] = twoFrames
        let index = try NearDuplicateIndex(loading: stored.sorted { $0.key < $1.key }.map { (clipID: $0.key, fingerprint: $0.value) })
        let query = GeneratedClips.copy(of: stored[4]!, from: 3, seconds: 8) { $0 % 20 }

        #expect(Set(await index.candidates(for: query).map(\.clipID)) == [4, 99])
        let matches = try await index.matches(for: query, verifiedBy: StoredFingerprints(fingerprints: stored))
        #expect(matches.map(\.clipID) == [4])
        let segment = try #require(matches.first?.match.segments.first)
        #expect(abs(segment.offset - 3) < 0.3)
    }

    @Test func aClipTheStoreNoLongerHasIsSkipped() async throws {
        let reference = GeneratedClips.reference(seed: 8)
        let index = try NearDuplicateIndex(loading: [(clipID: Int64(8), fingerprint: reference)])
        let query = GeneratedClips.copy(of: reference, seconds: 6) { _ in 3 }
        #expect(try await index.matches(for: query, verifiedBy: StoredFingerprints(fingerprints: [:])).isEmpty)
    }
}
