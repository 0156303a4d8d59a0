/// A segment's stored local features: each with its frame's time and its clip,
/// and the tables that look them up.
struct FeatureRows: Sendable {
    let times: [UInt16]
    /// Clip `k`'s features are `clipStarts[k] ..< clipStarts[k + 1]`.
    let clipStarts: [UInt32]
    let tables: FeatureTables

    init(hashes: [UInt64], times: [UInt16], clipStarts: [UInt32]) {
        self.times = times
        self.clipStarts = clipStarts
        tables = FeatureTables(hashes: hashes)
    }

    var count: Int { times.count }

    /// The clip (its position in the segment) a feature belongs to.
    func clip(ofRow row: Int) -> Int {
        var low = 0
        var high = clipStarts.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if Int(clipStarts[middle]) <= row { low = middle } else { high = middle }
        }
        return low
    }

    var memoryBytes: Int {
        times.count * MemoryLayout<UInt16>.stride
            + clipStarts.count * MemoryLayout<UInt32>.stride + tables.memoryBytes
    }
}
