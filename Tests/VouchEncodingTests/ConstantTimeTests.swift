import Testing
import VouchEncoding

@Suite("ConstantTime")
struct ConstantTimeTests {
    @Test("equal bytes and strings compare equal")
    func equal() {
        #expect(ConstantTime.equal([1, 2, 3] as [UInt8], [1, 2, 3] as [UInt8]))
        #expect(ConstantTime.equal("Bearer token", "Bearer token"))
        #expect(ConstantTime.equal("", ""))
    }

    @Test("one differing byte, first or last, makes them unequal")
    func unequal() {
        #expect(!ConstantTime.equal([9, 2, 3] as [UInt8], [1, 2, 3] as [UInt8]))
        #expect(!ConstantTime.equal("Bearer token", "Bearer tokeN"))
    }

    @Test("a prefix is not equal to the whole")
    func differentLengths() {
        #expect(!ConstantTime.equal([1, 2] as [UInt8], [1, 2, 3] as [UInt8]))
        #expect(!ConstantTime.equal("Bearer", "Bearer token"))
    }
}
