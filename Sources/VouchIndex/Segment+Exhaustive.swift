extension Segment {
    /// Every row within `radius` of each probe, by comparing all of them: the
    /// brute force the benchmark and the tests measure the chunk tables against.
    /// Half a hash already further than the radius settles most pairs.
    func exhaustiveHits(for probes: [QueryProbe], radius: Int, removed: Set<UInt32>, into hits: inout [FrameHit]) {
        hashes.withUnsafeBufferPointer { stored in
            for row in stored.indices {
                let hash = stored[row]
                for probe in probes {
                    let half = (hash[0] ^ probe.hash[0]).nonzeroBitCount &+ (hash[1] ^ probe.hash[1]).nonzeroBitCount
                    guard half <= radius else { continue }
                    let distance = hash.distance(to: probe.hash)
                    if distance <= radius, let hit = hit(row: row, probe: probe, distance: distance, removed: removed) {
                        hits.append(hit)
                    }
                }
            }
        }
    }
}
