import VouchFingerprint

/// A PDQ hash as one 32-byte vector. Arrays of it are 32-byte aligned, so a stored
/// hash never straddles a cache line and costs one memory access to verify.
typealias HashWords = SIMD4<UInt64>

extension PDQHash {
    var packed: HashWords { HashWords(words.0, words.1, words.2, words.3) }
}

extension SIMD4 where Scalar == UInt64 {
    /// The number of differing bits: PDQ's distance.
    @inline(__always)
    func distance(to other: Self) -> Int {
        let difference = self ^ other
        return difference[0].nonzeroBitCount &+ difference[1].nonzeroBitCount
            &+ difference[2].nonzeroBitCount &+ difference[3].nonzeroBitCount
    }

    /// All eight chunks' top `bits` bits at once (``ChunkLayout``): the half-words are the chunks, in order.
    @inline(__always)
    func chunkKeys(bits: Int) -> SIMD8<UInt32> {
        (unsafeBitCast(self, to: SIMD8<UInt32>.self) & SIMD8(repeating: ChunkLayout.mask)) &>> SIMD8(repeating: UInt32(ChunkLayout.width - bits))
    }
}

/// Where the substrings that multi-index hashing looks up sit in a hash: eight
/// disjoint 20-bit chunks, the low 20 bits of each 32-bit half-word.
///
/// By the pigeonhole principle, two hashes within distance 7 agree exactly on at
/// least one of eight disjoint chunks, and two within 15 agree on one to within a
/// bit. Twenty bits make a directory of a million buckets, about 28 rows each at
/// 30M hashes: wider chunks would match exactly less often, narrower ones would
/// fill each bucket with more rows to verify.
enum ChunkLayout {
    static let count = 8
    static let width = 20
    static let mask: UInt32 = (1 << 20) - 1

    /// Key bits for a segment of `rows` hashes: about 16–32 rows a bucket, at most the chunk's width.
    static func keyBits(forRows rows: Int) -> Int {
        min(width, max(4, (rows / 16).bitWidthNeeded))
    }
}

extension Int {
    /// The bits needed to write the number: 0 for 0, 1 for 1, 3 for 4 to 7.
    var bitWidthNeeded: Int { Int.bitWidth - leadingZeroBitCount }
}
