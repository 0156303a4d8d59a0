/// An immutable run of indexed frame hashes and its chunk tables.
///
/// The index is a list of segments: a large one loaded at start-up, small ones
/// made by inserts, merged in the background. Nothing in a segment changes after
/// it is built, so any number of queries read it at once without locks.
final class Segment: Sendable {
    /// Every stored view of every indexed frame, clip by clip.
    let hashes: [HashWords]
    /// Each row's frame time in tenths of a second (``FrameTime``).
    let times: [UInt16]
    /// Clip `k`'s rows are `clipRowStarts[k] ..< clipRowStarts[k + 1]`.
    let clipRowStarts: [UInt32]
    /// Each clip's slot (the index's dense internal number) and the store's id for it.
    let slots: [UInt32]
    let clipIDs: [Int64]
    let tables: ChunkTables
    /// The clips' stored local features, for copies that show only part of a frame.
    let features: FeatureRows

    init(hashes: [HashWords], times: [UInt16], clipRowStarts: [UInt32], slots: [UInt32], clipIDs: [Int64], features: FeatureRows) {
        self.hashes = hashes
        self.features = features
        self.times = times
        self.clipRowStarts = clipRowStarts
        self.slots = slots
        self.clipIDs = clipIDs
        tables = ChunkTables(keyBits: ChunkLayout.keyBits(forRows: hashes.count), hashes: hashes)
    }

    var rowCount: Int { hashes.count }
    var clipCount: Int { slots.count }

    /// The clip a row belongs to, by binary search: rows carry no clip number, which saves 4 bytes a hash.
    func clip(ofRow row: Int) -> Int {
        var low = 0
        var high = clipCount
        while high - low > 1 {
            let middle = (low + high) / 2
            if Int(clipRowStarts[middle]) <= row { low = middle } else { high = middle }
        }
        return low
    }

    var memoryBytes: Int {
        hashes.count * MemoryLayout<HashWords>.stride + times.count * MemoryLayout<UInt16>.stride
            + (clipRowStarts.count + slots.count) * MemoryLayout<UInt32>.stride + clipIDs.count * MemoryLayout<Int64>.stride
            + tables.memoryBytes + features.memoryBytes
    }
}
