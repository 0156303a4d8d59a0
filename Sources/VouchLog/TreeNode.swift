/// A complete subtree of the log: `2^level` leaves starting at leaf `index << level`.
///
/// Every hash a proof or a root needs is made from these, so they are what the store
/// keeps; `key` packs one into a single integer for a primary key.
public struct TreeNode: Hashable, Sendable, Comparable {
    public let level: Int
    public let index: Int64

    public init(level: Int, index: Int64) {
        self.level = level
        self.index = index
    }

    /// The node's leaves.
    public var leaves: Range<Int64> { (index << level)..<((index + 1) << level) }

    /// A unique integer: the level in the top 8 bits, the index below (up to 2^55 leaves).
    public var key: Int64 { Int64(level) << 55 | index }

    public init(key: Int64) {
        self.init(level: Int(key >> 55), index: key & ((1 << 55) - 1))
    }

    public static func < (lhs: TreeNode, rhs: TreeNode) -> Bool { lhs.key < rhs.key }
}
