import VouchFingerprint

extension IndexSnapshot {
    /// Every stored hash with its clip's id, in storage order: what `vouch bench index`
    /// hands FAISS so that both search the same rows.
    package func forEachStoredHash(_ body: (SIMD4<UInt64>, Int64) -> Void) {
        for segment in segments {
            for clip in 0..<segment.clipCount {
                for row in Int(segment.clipRowStarts[clip])..<Int(segment.clipRowStarts[clip + 1]) {
                    body(segment.hashes[row], segment.clipIDs[clip])
                }
            }
        }
    }

    /// The hashes a query looks up, each with its query frame.
    package func probeHashes(for query: VideoFingerprint) -> [(hash: SIMD4<UInt64>, frame: Int32)] {
        QueryProbe.probes(for: query, minimumQuality: settings.minimumQuality).map { ($0.hash, $0.frame) }
    }
}
