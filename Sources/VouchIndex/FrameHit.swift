import VouchFingerprint

/// A query frame within the radius of an indexed frame: one ballot in the vote.
package struct FrameHit: Sendable, Hashable {
    package var slot: UInt32
    package var clipID: Int64
    package var queryFrame: Int32
    package var symmetry: Dihedral
    package var queryTime: Double
    package var referenceTime: Double
    package var distance: Int
}

extension Segment {
    /// The hit a probe makes on a row, or nil when the row's clip was removed.
    func hit(row: Int, probe: QueryProbe, distance: Int, removed: Set<UInt32>) -> FrameHit? {
        let clip = clip(ofRow: row)
        guard !removed.contains(slots[clip]) else { return nil }
        return FrameHit(
            slot: slots[clip], clipID: clipIDs[clip], queryFrame: probe.frame, symmetry: probe.symmetry,
            queryTime: probe.time, referenceTime: FrameTime.decode(times[row]), distance: distance
        )
    }
}
