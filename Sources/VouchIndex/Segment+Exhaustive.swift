extension Segment {
    /// Every row within `radius` of each probe, by comparing all of them: the
    /// brute force the benchmark and the tests measure the chunk tables against.
    func exhaustiveHits(for probes: [QueryProbe], radius: Int, removed: Set<UInt32>, into hits: inout [FrameHit]) {
        for (row, hash) in hashes.enumerated() {
            for probe in probes {
                let distance = hash.distance(to: probe.hash)
                if distance <= radius, let hit = hit(row: row, probe: probe, distance: distance, removed: removed) {
                    hits.append(hit)
                }
            }
        }
    }
}
