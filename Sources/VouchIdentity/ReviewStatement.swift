import Foundation

/// What a reviewer signs with their own key: this clip, for this product, on this platform,
/// from this account.
///
/// The signed bytes are canonical lines, `vouch-review-v2`, the clip's SHA-256 in
/// lowercase hex, the product id, the platform id and the reviewer's account there,
/// joined by newlines. Ids with a newline are refused, so no two statements share their
/// bytes. The account is signed too, so a platform that saw a reviewer's signature cannot
/// replay it under another account to join that account to the reviewer's identity.
public struct ReviewStatement: Sendable, Equatable {
    public var clipSHA256: String
    public var productID: String
    public var platformID: String
    public var account: String

    /// Why a statement cannot be formed.
    public enum Problem: Error, Equatable {
        case notADigest(String)
        case newlineInID(String)
    }

    public init(clipSHA256: String, productID: String, platformID: String, account: String) throws(Problem) {
        let digest = clipSHA256.lowercased()
        guard digest.count == 64, digest.allSatisfy(\.isHexDigit) else { throw .notADigest(clipSHA256) }
        for id in [productID, platformID, account] where id.contains(where: \.isNewline) { throw .newlineInID(id) }
        self.clipSHA256 = digest
        self.productID = productID
        self.platformID = platformID
        self.account = account
    }

    /// The bytes the reviewer's key signs.
    public var message: Data {
        Data(["vouch-review-v2", clipSHA256, productID, platformID, account].joined(separator: "\n").utf8)
    }
}
