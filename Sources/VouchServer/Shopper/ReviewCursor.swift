import Crypto
import Foundation
import VouchEncoding
import VouchIdentity
import VouchStore

/// The opaque `cursor` of the shopper API: where the next page of a ranking starts.
/// It names the last review shown (its exact score bits, clip id, stars and whether the
/// viewer knows its reviewer), so paging is
/// stable while clips are published around it, in any of the API's orders.
///
/// Cursors carry an HMAC under a key every process shares through the store, so only
/// positions this API handed out are accepted: made-up cursors can neither fill the
/// ranking cache with pages nobody was given nor probe the ranking between reviews.
struct ReviewCursor: Sendable {
    let key: SymmetricKey

    init(key: Data) {
        self.key = SymmetricKey(data: key)
    }

    func encode(_ position: RankingPosition) -> String {
        let text = "\(String(position.score.bitPattern, radix: 16))-\(position.clipID)-\(position.rating)-\(position.known ? 1 : 0)"
        return "\(text).\(tag(text))"
    }

    func decode(_ cursor: String) throws(Problem) -> RankingPosition {
        let refused = Problem.badRequest("the cursor is not one this API returned; pass nextCursor from the previous page unchanged")
        let halves = cursor.split(separator: ".", omittingEmptySubsequences: false)
        guard cursor.utf8.count <= 80, halves.count == 2, ConstantTime.equal(tag(String(halves[0])), String(halves[1])) else { throw refused }
        let parts = halves[0].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].count <= 16, let bits = UInt64(parts[0], radix: 16), let clipID = Int64(parts[1]), clipID >= 0,
              let rating = Int(parts[2]), (0...5).contains(rating), parts[3] == "0" || parts[3] == "1"
        else { throw refused }
        return RankingPosition(score: Double(bitPattern: bits), clipID: clipID, rating: rating, known: parts[3] == "1")
    }

    /// The first 16 bytes of HMAC-SHA256 over the position's text, base64url.
    private func tag(_ text: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key).prefix(16)).base64URLEncodedString
    }
}
