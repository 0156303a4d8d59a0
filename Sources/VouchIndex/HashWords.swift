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

    /// All eight chunks' tags: the seven bits above each key (``ChunkLayout/tagBits``).
    @inline(__always)
    func chunkTags() -> SIMD8<UInt32> {
        (unsafeBitCast(self, to: SIMD8<UInt32>.self) &>> SIMD8(repeating: UInt32(ChunkLayout.width))) & SIMD8(repeating: ChunkLayout.tagMask)
    }
}

/// Where the substrings that multi-index hashing looks up sit in a hash: eight
/// disjoint chunks, the low 27 bits of each 32-bit half-word, each a 20-bit key
/// and a 7-bit tag above it.
///
/// By the pigeonhole principle, two hashes within distance 7 agree exactly on at
/// least one of eight disjoint chunks, and two within 15 agree on one to within a
/// bit. Twenty key bits make a directory of a million buckets, about 28 rows each
/// at 30M hashes. The tag rides in the spare top bits of each bucket entry's row
/// number: a row whose tag is more than a bit off the query's is passed over
/// without reading its hash, which turns away 15 of 16 unrelated rows. Neither
/// guarantee suffers, since it holds for the whole 27-bit chunk.
enum ChunkLayout {
    static let count = 8
    static let width = 20
    static let mask: UInt32 = (1 << 20) - 1
    static let tagBits = 7
    static let tagMask: UInt32 = (1 << 7) - 1
    /// Rows a segment may hold, so that a row number leaves room for the tag.
    static let maximumRows = 1 << (32 - tagBits)
    static let rowMask: UInt32 = (1 << (32 - 7)) - 1

    /// Key bits for a segment of `rows` hashes: about 16–32 rows a bucket, at most the chunk's width.
    static func keyBits(forRows rows: Int) -> Int {
        min(width, max(4, (rows / 16).bitWidthNeeded))
    }
}

extension Int {
    /// The bits needed to write the number: 0 for 0, 1 for 1, 3 for 4 to 7.
    var bitWidthNeeded: Int { Int.bitWidth - leadingZeroBitCount }
}
