import Foundation

/// What a reviewer signs with their own key: this clip, for this product, on this platform.
///
/// The signed bytes are canonical lines, `vouch-review-v1`, the clip's SHA-256 in
/// lowercase hex, the product id and the platform id, joined by newlines. Ids with
/// a newline are refused, so no two statements share their bytes.
public struct ReviewStatement: Sendable, Equatable {
    public var clipSHA256: String
    public var productID: String
    public var platformID: String

    /// Why a statement cannot be formed.
    public enum Problem: Error, Equatable {
        case notADigest(String)
        case newlineInID(String)
    }

    public init(clipSHA256: String, productID: String, platformID: String) throws(Problem) {
        let digest = clipSHA256.lowercased()
        guard digest.count == 64, digest.allSatisfy(\.isHexDigit) else { throw .notADigest(clipSHA256) }
        for id in [productID, platformID] where id.contains(where: \.isNewline) { throw .newlineInID(id) }
        self.clipSHA256 = digest
        self.productID = productID
        self.platformID = platformID
    }

    /// The bytes the reviewer's key signs.
    public var message: Data {
        Data(["vouch-review-v1", clipSHA256, productID, platformID].joined(separator: "\n").utf8)
    }
}
