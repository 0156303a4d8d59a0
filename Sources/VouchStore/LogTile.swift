import VouchLog

/// The lower eight levels of one block of 256 leaves, stored as one row: the leaf hashes
/// and every complete node beneath the block's root, 510 hashes in all.
///
/// A proof needs one node from each of those levels, all inside the leaf's block, so
/// keeping them together makes the lower half of any proof one row (16 KiB, a few
/// adjacent pages) instead of eight scattered ones; nodes from level 8 up are rows of
/// their own, few enough to stay in memory.
struct LogTile: Sendable {
    static let height = 8
    static let leaves: Int64 = 1 << height
    static let slots = 510
    private(set) var bytes: [UInt8]

    init() {
        bytes = [UInt8](repeating: 0, count: Self.slots * 32)
    }

    /// A stored tile; nil when its size is wrong.
    init?(bytes: [UInt8]) {
        guard bytes.count == Self.slots * 32 else { return nil }
        self.bytes = bytes
    }

    /// Whether `node` lives in a tile rather than a row of its own.
    static func holds(_ node: TreeNode) -> Bool { node.level < height }

    /// The block whose tile holds `node`.
    static func block(of node: TreeNode) -> Int64 { node.index >> (height - node.level) }

    /// `node`'s hash, or nil when the tile has none there (all zeros).
    func hash(of node: TreeNode) -> TreeHash? {
        let start = Self.slot(of: node) * 32
        let slice = bytes[start..<(start + 32)]
        return slice.allSatisfy { $0 == 0 } ? nil : TreeHash(bytes: slice)
    }

    mutating func set(_ hash: TreeHash, of node: TreeNode) {
        let start = Self.slot(of: node) * 32
        bytes.replaceSubrange(start..<(start + 32), with: hash.bytes)
    }

    /// Level 0's 256 slots first, then level 1's 128, and so on up to level 7's 2.
    private static func slot(of node: TreeNode) -> Int {
        let width = Int64(1) << (height - node.level)
        return (512 - (512 >> node.level)) + Int(node.index - block(of: node) * width)
    }
}
