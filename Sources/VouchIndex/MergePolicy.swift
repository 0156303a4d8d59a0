/// Which segments to merge next, so that inserts stay cheap and queries see few segments.
///
/// Segments fall in size tiers a factor of four apart. When four neighbours share
/// a tier they are merged into one of the next tier: a row is rewritten about
/// log₄(rows) times in all, and there are at most three segments a tier.
enum MergePolicy {
    static let fanIn = 4

    /// The newest run of at least ``fanIn`` neighbouring segments of one tier
    /// whose rows fit in one segment (`maximumRows`), if any.
    static func nextRun(rowCounts: [Int], maximumRows: Int = ChunkLayout.maximumRows) -> Range<Int>? {
        var end = rowCounts.endIndex
        while end > rowCounts.startIndex {
            let tier = Self.tier(rowCounts[end - 1])
            var start = end - 1
            var rows = rowCounts[start]
            while start > rowCounts.startIndex, Self.tier(rowCounts[start - 1]) == tier, rows + rowCounts[start - 1] <= maximumRows {
                start -= 1
                rows += rowCounts[start]
            }
            if end - start >= fanIn { return start..<end }
            end = start
        }
        return nil
    }

    /// 0 below 64 rows, then one tier for each factor of four.
    static func tier(_ rows: Int) -> Int {
        rows < 64 ? 0 : (rows.bitWidthNeeded - 1) / 2 - 2
    }
}
