extension Segment {
    /// The rows within `radius` of each probe that the chunk tables reach:
    /// multi-index hashing. Each probe's chunk keys, and with `probeRadius` 1
    /// every key one bit away, select buckets; each row in them is verified by
    /// its full distance. A row that an earlier table also reaches is skipped,
    /// so every pair is reported once without a set of seen rows.
    func hits(for probes: [QueryProbe], radius: Int, probeRadius: Int, removed: Set<UInt32>, into hits: inout [FrameHit]) {
        guard rowCount > 0 else { return }
        let keyBits = tables[0].keyBits
        var found: [(row: Int, probe: Int, distance: Int)] = []
        hashes.withUnsafeBufferPointer { stored in
            for (probeIndex, probe) in probes.enumerated() {
                let keys = probe.hash.chunkKeys(bits: keyBits)
                for table in tables {
                    let chunk = table.chunk
                    let visit = { (key: UInt32) in
                        table.withBucket(key) { rows in
                            for row in rows {
                                let hash = stored[Int(row)]
                                if chunk > 0, hash.chunkKeys(bits: keyBits).reachedBefore(chunk, from: keys, within: probeRadius) { continue }
                                let distance = hash.distance(to: probe.hash)
                                if distance <= radius { found.append((Int(row), probeIndex, distance)) }
                            }
                        }
                    }
                    let key = keys[chunk]
                    visit(key)
                    if probeRadius > 0 {
                        for bit in 0..<keyBits { visit(key ^ (1 << UInt32(bit))) }
                    }
                }
            }
        }
        for pair in found {
            if let hit = hit(row: pair.row, probe: probes[pair.probe], distance: pair.distance, removed: removed) { hits.append(hit) }
        }
    }
}

extension SIMD8 where Scalar == UInt32 {
    /// Whether a table before `chunk` also reaches these keys from `probe`'s.
    @inline(__always)
    func reachedBefore(_ chunk: Int, from probe: Self, within probeRadius: Int) -> Bool {
        let difference = self ^ probe
        for earlier in 0..<chunk where difference[earlier].nonzeroBitCount <= probeRadius { return true }
        return false
    }
}
