/// The stored local features of a segment grouped by each of three 21-bit
/// chunks of their hashes: multi-index hashing, as ``ChunkTables`` does for PDQ.
///
/// Each chunk's entries hold the whole hash beside its row, sorted by the
/// chunk's key, so a lookup reads one contiguous bucket and never jumps to a
/// row elsewhere in memory: a query probes hundreds of features, and at 100M
/// stored features a random read each would cost more than the whole PDQ search.
struct FeatureTables: Sendable {
    static let chunkCount = 3
    static let chunkBits = 21
    /// Rows are numbered in 32 bits.
    static let maximumRows = Int(UInt32.max)

    /// Bits of each chunk that select its bucket: fewer for small segments, so a
    /// segment of one clip does not carry three directories of two million entries.
    let keyBits: Int
    private let bucketStarts: [UInt32]
    /// Chunk `c`'s entries are `c × rowCount ..< (c + 1) × rowCount` of both arrays.
    private let hashes: [UInt64]
    private let rows: [UInt32]
    private let rowCount: Int

    init(hashes stored: [UInt64]) {
        rowCount = stored.count
        var bits = 4
        while bits < Self.chunkBits, 1 << (bits + 2) < stored.count { bits += 1 }
        keyBits = bits
        let directorySize = (1 << bits) + 1
        var starts = [UInt32](repeating: 0, count: directorySize * Self.chunkCount)
        var sortedHashes = [UInt64](repeating: 0, count: stored.count * Self.chunkCount)
        var sortedRows = [UInt32](repeating: 0, count: stored.count * Self.chunkCount)
        for chunk in 0..<Self.chunkCount {
            let base = chunk * directorySize
            for hash in stored { starts[base + Self.key(of: hash, chunk: chunk, bits: bits) + 1] &+= 1 }
            for bucket in 1..<directorySize { starts[base + bucket] &+= starts[base + bucket - 1] }
            var next = Array(starts[base..<(base + directorySize)])
            for (row, hash) in stored.enumerated() {
                let key = Self.key(of: hash, chunk: chunk, bits: bits)
                let at = chunk * stored.count + Int(next[key])
                sortedHashes[at] = hash
                sortedRows[at] = UInt32(row)
                next[key] &+= 1
            }
        }
        bucketStarts = starts
        hashes = sortedHashes
        rows = sortedRows
    }

    @inline(__always)
    static func key(of hash: UInt64, chunk: Int, bits: Int) -> Int {
        Int((hash >> UInt64(chunk * chunkBits)) & ((1 << UInt64(bits)) - 1))
    }

    /// Calls `found` with each stored row within `radius` of `probe` that shares
    /// a chunk's key with it, once per row: a row an earlier chunk reached is skipped.
    /// Every row within distance 2 is found (three chunks, pigeonhole); farther
    /// ones when one whole chunk agrees.
    func rows(near probe: UInt64, within radius: Int, _ found: (_ row: Int, _ distance: Int) -> Void) {
        let directorySize = (1 << keyBits) + 1
        bucketStarts.withUnsafeBufferPointer { starts in
            hashes.withUnsafeBufferPointer { hashes in
                rows.withUnsafeBufferPointer { rows in
                    for chunk in 0..<Self.chunkCount {
                        let key = Self.key(of: probe, chunk: chunk, bits: keyBits)
                        let base = chunk * rowCount
                        for index in Int(starts[chunk * directorySize + key])..<Int(starts[chunk * directorySize + key + 1]) {
                            let hash = hashes[base + index]
                            let distance = (hash ^ probe).nonzeroBitCount
                            guard distance <= radius else { continue }
                            if (0..<chunk).contains(where: { Self.key(of: hash, chunk: $0, bits: keyBits) == Self.key(of: probe, chunk: $0, bits: keyBits) }) {
                                continue
                            }
                            found(Int(rows[base + index]), distance)
                        }
                    }
                }
            }
        }
    }

    /// Every stored hash with its row, in no particular order: the first chunk's entries.
    func forEachRow(_ body: (_ row: Int, _ hash: UInt64) -> Void) {
        for index in 0..<rowCount { body(Int(rows[index]), hashes[index]) }
    }

    /// The hashes in row order, for a merge to copy.
    func hashesByRow() -> [UInt64] {
        var out = [UInt64](repeating: 0, count: rowCount)
        forEachRow { out[$0] = $1 }
        return out
    }

    var memoryBytes: Int {
        bucketStarts.count * MemoryLayout<UInt32>.stride + hashes.count * MemoryLayout<UInt64>.stride + rows.count * MemoryLayout<UInt32>.stride
    }
}
