extension Segment {
    /// The rows within `radius` of each probe that the chunk tables reach:
    /// multi-index hashing. Each probe's chunk keys, and with `probeRadius` 1
    /// every key one bit away, select buckets; each row in them whose tag is
    /// within a bit of the probe's is verified by its full distance. A row that an earlier chunk also reaches is skipped,
    /// so every pair is reported once without a set of seen rows.
    ///
    /// The candidates' hashes are first copied side by side, a loop with no
    /// branch on what it loads, so the processor fetches many at once: at 30M
    /// rows nearly every one is a cache miss.
    func hits(for probes: [QueryProbe], radius: Int, probeRadius: Int, removed: Set<UInt32>, into hits: inout [FrameHit]) {
        guard rowCount > 0 else { return }
        let keyBits = tables.keyBits
        var found: [(row: UInt32, probe: Int, distance: Int)] = []
        var candidates: [UInt32] = []
        var chunks: [UInt8] = []
        var gathered: [HashWords] = []
        hashes.withUnsafeBufferPointer { stored in
            for (probeIndex, probe) in probes.enumerated() {
                let keys = probe.hash.chunkKeys(bits: keyBits)
                let tags = probe.hash.chunkTags()
                candidates.removeAll(keepingCapacity: true)
                chunks.removeAll(keepingCapacity: true)
                tables.gatherRows(for: keys, tags: tags, probeRadius: probeRadius, into: &candidates, chunks: &chunks)
                gathered.removeAll(keepingCapacity: true)
                for row in candidates { gathered.append(stored[Int(row)]) }
                for (index, hash) in gathered.enumerated() {
                    let chunk = Int(chunks[index])
                    if chunk > 0, Self.reachedBefore(chunk, keys: hash.chunkKeys(bits: keyBits), tags: hash.chunkTags(), from: (keys, tags), within: probeRadius) { continue }
                    let distance = hash.distance(to: probe.hash)
                    if distance <= radius { found.append((candidates[index], probeIndex, distance)) }
                }
            }
        }
        for pair in found {
            if let hit = hit(row: Int(pair.row), probe: probes[pair.probe], distance: pair.distance, removed: removed) { hits.append(hit) }
        }
    }

    /// Whether a chunk before `chunk` also reached this row: its key within
    /// `probeRadius` and its tag within a bit of the probe's.
    @inline(__always)
    private static func reachedBefore(
        _ chunk: Int, keys: SIMD8<UInt32>, tags: SIMD8<UInt32>, from probe: (keys: SIMD8<UInt32>, tags: SIMD8<UInt32>), within probeRadius: Int
    ) -> Bool {
        let keyDifference = keys ^ probe.keys
        let tagDifference = tags ^ probe.tags
        for earlier in 0..<chunk where keyDifference[earlier].nonzeroBitCount <= probeRadius && tagDifference[earlier].nonzeroBitCount <= 1 {
            return true
        }
        return false
    }
}
