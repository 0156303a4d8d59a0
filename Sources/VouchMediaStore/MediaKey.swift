/// A content-addressed object's name, such as `originals/<sha256hex>` or
/// `renditions/<sha256hex>.mp4`, checked once where it is made so that no backend ever sees a
/// name that could leave its directory root or its bucket prefix.
///
/// Only lowercase letters, digits and `/ . _ -` are allowed, at most 200 characters, made of
/// non-empty segments none of which is `.` or `..`, with no leading or trailing `/`. Keys are
/// made from digests, so the narrow alphabet costs nothing and makes every key a file name and
/// an S3 object name that needs no escaping.
public struct MediaKey: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// The longest key accepted: well under a file name's and an S3 key's limits.
    public static let maximumLength = 200

    public init(_ rawValue: String) throws(MediaStoreError) {
        if let reason = Self.problem(with: rawValue) {
            throw .invalidKey(rawValue, reason: reason)
        }
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// Why `text` is not a key, or nil when it is one.
    private static func problem(with text: String) -> String? {
        guard !text.isEmpty else { return "it is empty" }
        guard text.utf8.count <= maximumLength else { return "it is longer than \(maximumLength) characters" }
        guard text.utf8.allSatisfy(isAllowed) else { return "only a-z, 0-9 and / . _ - are allowed" }
        guard !text.hasPrefix("/") else { return "it starts with /" }
        guard !text.hasSuffix("/") else { return "it ends with /" }
        for segment in text.split(separator: "/", omittingEmptySubsequences: false) {
            if segment.isEmpty { return "it has an empty segment (//)" }
            if segment == "." || segment == ".." { return "it has a \(segment) segment" }
        }
        return nil
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
