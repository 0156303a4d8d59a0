/// The rows of a segment grouped by each chunk's key: multi-index hashing's tables.
///
/// For each of the eight chunks, rows are sorted by key with a counting sort and
/// a directory holds where each key's bucket starts. Four bytes a row and four a
/// bucket per chunk, in two flat arrays, with no per-bucket allocation: a
/// dictionary of arrays would cost several times that at 30M rows. Each entry
/// is a row number with the row's chunk tag in its top bits (``ChunkLayout``).
struct ChunkTables: Sendable {
    let keyBits: Int
    /// Chunk `c`'s directory is `bucketStarts[c × (2^keyBits + 1) ...]`.
    private let bucketStarts: [UInt32]
    /// Chunk `c`'s rows, sorted by key, are `rows[c × rowCount ..< (c + 1) × rowCount]`.
    private let rows: [UInt32]
    private let rowCount: Int

    var directorySize: Int { (1 << keyBits) + 1 }

    init(keyBits: Int, hashes: [HashWords]) {
        self.keyBits = keyBits
        rowCount = hashes.count
        let directorySize = (1 << keyBits) + 1
        var starts = [UInt32](repeating: 0, count: directorySize * ChunkLayout.count)
        rows = [UInt32](hugePagesOf: hashes.count * ChunkLayout.count) { rows in
            for chunk in 0..<ChunkLayout.count {
                let base = chunk * directorySize
                for hash in hashes { starts[base + Int(hash.chunkKeys(bits: keyBits)[chunk]) + 1] &+= 1 }
                for bucket in 1..<directorySize { starts[base + bucket] &+= starts[base + bucket - 1] }
                var next = Array(starts[base..<(base + directorySize)])
                let rowBase = chunk * hashes.count
                for (row, hash) in hashes.enumerated() {
                    let key = Int(hash.chunkKeys(bits: keyBits)[chunk])
                    let entry = UInt32(row) | hash.chunkTags()[chunk] << UInt32(32 - ChunkLayout.tagBits)
                    (rows.baseAddress! + rowBase + Int(next[key])).initialize(to: entry)
                    next[key] &+= 1
                }
            }
        }
        bucketStarts = starts
    }

    /// Appends the rows of each chunk's bucket for `keys` and, with `probeRadius` 1,
    /// of every key one bit away, whose tags are within a bit of `tags`, each with
    /// the chunk that reached it.
    func gatherRows(for keys: SIMD8<UInt32>, tags: SIMD8<UInt32>, probeRadius: Int, into rows: inout [UInt32], chunks: inout [UInt8]) {
        bucketStarts.withUnsafeBufferPointer { starts in
            self.rows.withUnsafeBufferPointer { sorted in
                for chunk in 0..<ChunkLayout.count {
                    let directory = chunk * directorySize
                    let rowBase = chunk * rowCount
                    let tag = tags[chunk]
                    func bucket(_ key: UInt32) {
                        for index in Int(starts[directory + Int(key)])..<Int(starts[directory + Int(key) + 1]) {
                            let entry = sorted[rowBase + index]
                            guard ((entry &>> UInt32(32 - ChunkLayout.tagBits)) ^ tag).nonzeroBitCount <= 1 else { continue }
                            rows.append(entry & ChunkLayout.rowMask)
                            chunks.append(UInt8(chunk))
                        }
                    }
                    bucket(keys[chunk])
                    if probeRadius > 0 {
                        for bit in 0..<keyBits { bucket(keys[chunk] ^ (1 << UInt32(bit))) }
                    }
                }
            }
        }
    }

    var memoryBytes: Int { (bucketStarts.count + rows.count) * MemoryLayout<UInt32>.stride }
}
