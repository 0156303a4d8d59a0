/// The rows of a segment grouped by one chunk's key: multi-index hashing's table.
///
/// Rows are sorted by key with a counting sort, and a directory holds where each
/// key's bucket starts. Four bytes a row and four a bucket, with no per-bucket
/// allocation: a dictionary of arrays would cost several times that at 30M rows.
struct ChunkTable: Sendable {
    let chunk: Int
    let keyBits: Int
    private let bucketStarts: [UInt32]
    private let rows: [UInt32]

    init(chunk: Int, keyBits: Int, hashes: [HashWords]) {
        self.chunk = chunk
        self.keyBits = keyBits
        var starts = [UInt32](repeating: 0, count: (1 << keyBits) + 1)
        for hash in hashes { starts[Int(hash.chunkKeys(bits: keyBits)[chunk]) + 1] &+= 1 }
        for bucket in 1..<starts.count { starts[bucket] &+= starts[bucket - 1] }
        var next = starts
        let rows = [UInt32](unsafeUninitializedCapacity: hashes.count) { buffer, count in
            for (row, hash) in hashes.enumerated() {
                let key = Int(hash.chunkKeys(bits: keyBits)[chunk])
                buffer[Int(next[key])] = UInt32(row)
                next[key] &+= 1
            }
            count = hashes.count
        }
        bucketStarts = starts
        self.rows = rows
    }

    /// Calls `body` with the rows whose key is `key`.
    @inline(__always)
    func withBucket<Result>(_ key: UInt32, _ body: (UnsafeBufferPointer<UInt32>) -> Result) -> Result {
        let start = Int(bucketStarts[Int(key)])
        let end = Int(bucketStarts[Int(key) + 1])
        return rows.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    var memoryBytes: Int { (bucketStarts.count + rows.count) * MemoryLayout<UInt32>.stride }
}
