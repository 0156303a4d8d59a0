/// xorshift64*: the benchmarks' generator, fast enough for ten million random
/// edges or thirty million frame hashes in well under a second, and seedable so
/// a run can be repeated.
struct FastRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed == 0 ? 0x2545_F491_4F6C_DD1D : seed
    }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }

    mutating func below(_ bound: Int) -> Int32 {
        Int32(truncatingIfNeeded: next() % UInt64(bound))
    }
}
