extension Segment {
    /// The stored features within `radius` of each probe that the feature tables
    /// reach or, with `exhaustive`, that comparing all of them finds.
    func featureHits(for probes: [FeatureProbe], radius: Int, exhaustive: Bool, removed: Set<UInt32>, into hits: inout [FrameHit]) {
        guard features.count > 0 else { return }
        if exhaustive {
            features.tables.forEachRow { row, hash in
                for probe in probes {
                    let distance = (hash ^ probe.hash).nonzeroBitCount
                    if distance <= radius, let hit = featureHit(row: row, probe: probe, distance: distance, removed: removed) { hits.append(hit) }
                }
            }
        } else {
            for probe in probes {
                features.tables.rows(near: probe.hash, within: radius) { row, distance in
                    if let hit = featureHit(row: row, probe: probe, distance: distance, removed: removed) { hits.append(hit) }
                }
            }
        }
    }

    private func featureHit(row: Int, probe: FeatureProbe, distance: Int, removed: Set<UInt32>) -> FrameHit? {
        let clip = features.clip(ofRow: row)
        guard !removed.contains(slots[clip]) else { return nil }
        return FrameHit(
            slot: slots[clip], clipID: clipIDs[clip], queryFrame: probe.frame, symmetry: probe.symmetry,
            queryTime: probe.time, referenceTime: FrameTime.decode(features.times[row]), distance: distance * FeatureProbe.distanceScale
        )
    }
}
