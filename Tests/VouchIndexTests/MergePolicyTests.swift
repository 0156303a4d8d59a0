import Testing
@testable import VouchIndex

@Suite struct MergePolicyTests {
    @Test func mergesFourNeighboursOfOneTier() {
        #expect(MergePolicy.nextRun(rowCounts: [30, 30, 30]) == nil)
        #expect(MergePolicy.nextRun(rowCounts: [30, 30, 30, 30]) == 0..<4)
        #expect(MergePolicy.nextRun(rowCounts: [5_000_000, 120, 30, 30, 30, 30]) == 2..<6)
        #expect(MergePolicy.nextRun(rowCounts: [5_000_000, 120, 130, 250, 200, 30]) == 1..<5)
    }

    @Test func neverMergesPastTheLargestSegment() {
        #expect(MergePolicy.nextRun(rowCounts: [300, 300, 300, 300], maximumRows: 1000) == nil)
        #expect(MergePolicy.nextRun(rowCounts: [300, 200, 200, 200, 200], maximumRows: 1000) == 1..<5)
    }

    @Test func tiersGrowByFactorsOfFour() {
        #expect(MergePolicy.tier(0) == 0)
        #expect(MergePolicy.tier(63) == 0)
        #expect(MergePolicy.tier(64) == MergePolicy.tier(255))
        #expect(MergePolicy.tier(256) == MergePolicy.tier(64) + 1)
        #expect(MergePolicy.tier(30_000_000) > MergePolicy.tier(7_000_000))
    }
}
