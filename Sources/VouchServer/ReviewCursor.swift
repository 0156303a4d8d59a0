import VouchStore

/// The opaque `cursor` of the shopper API: where the next page of a ranking starts.
/// It names the last review shown (its exact score bits and clip id), so paging is
/// stable while clips are published around it.
enum ReviewCursor {
    static func encode(_ position: RankingPosition) -> String {
        "\(String(position.score.bitPattern, radix: 16))-\(position.clipID)"
    }

    static func decode(_ text: String) throws(Problem) -> RankingPosition {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count <= 16, let bits = UInt64(parts[0], radix: 16), let clipID = Int64(parts[1]), clipID >= 0
        else { throw .badRequest("the cursor is not one this API returned; pass nextCursor from the previous page unchanged") }
        return RankingPosition(score: Double(bitPattern: bits), clipID: clipID)
    }
}
