import VouchFingerprint

/// Accumulates clips' rows, then builds a ``Segment``.
///
/// Rows are gathered in fixed blocks and copied once into exactly sized arrays,
/// so loading 30M hashes never holds the doubled array a growing `Array` would.
struct SegmentBuilder {
    private static let blockRows = 1 << 20
    private var hashBlocks: [[HashWords]] = []
    private var timeBlocks: [[UInt16]] = []
    private var clipRowStarts: [UInt32] = []
    private var slots: [UInt32] = []
    private var clipIDs: [Int64] = []
    private(set) var rowCount = 0

    /// A clip's stored views: for each frame of usable quality, the content box's
    /// hash, the whole frame's when a box was cut, and each inset's. The dihedral
    /// variants are not stored: the query tries its own eight instead.
    static func rows(of fingerprint: VideoFingerprint, clipID: Int64, minimumQuality: Int) throws(IndexError) -> [(HashWords, UInt16)] {
        var rows: [(HashWords, UInt16)] = []
        for frame in fingerprint.frames where frame.quality >= minimumQuality {
            guard let time = FrameTime.encode(frame.timestamp) else {
                throw .frameTooLate(clipID: clipID, timestamp: frame.timestamp)
            }
            rows.append((frame.pdq.packed, time))
            if let full = frame.fullFrame { rows.append((full.packed, time)) }
            for inset in frame.insets { rows.append((inset.packed, time)) }
        }
        return rows
    }

    /// Whether a clip of `rows` more rows still fits (``ChunkLayout/maximumRows``).
    func fits(_ rows: Int) -> Bool {
        rowCount + rows <= ChunkLayout.maximumRows
    }

    mutating func append(_ rows: [(HashWords, UInt16)], clipID: Int64, slot: UInt32) {
        beginClip(clipID: clipID, slot: slot)
        for (hash, time) in rows { appendRow(hash, time: time) }
    }

    /// Copies a segment's clips, leaving out the removed ones.
    mutating func append(_ segment: Segment, dropping removed: Set<UInt32>) {
        for clip in 0..<segment.clipCount where !removed.contains(segment.slots[clip]) {
            beginClip(clipID: segment.clipIDs[clip], slot: segment.slots[clip])
            for row in Int(segment.clipRowStarts[clip])..<Int(segment.clipRowStarts[clip + 1]) {
                appendRow(segment.hashes[row], time: segment.times[row])
            }
        }
    }

    private mutating func beginClip(clipID: Int64, slot: UInt32) {
        clipRowStarts.append(UInt32(rowCount))
        clipIDs.append(clipID)
        slots.append(slot)
    }

    private mutating func appendRow(_ hash: HashWords, time: UInt16) {
        if hashBlocks.last.map({ $0.count == Self.blockRows }) ?? true {
            hashBlocks.append([])
            hashBlocks[hashBlocks.count - 1].reserveCapacity(Self.blockRows)
            timeBlocks.append([])
            timeBlocks[timeBlocks.count - 1].reserveCapacity(Self.blockRows)
        }
        hashBlocks[hashBlocks.count - 1].append(hash)
        timeBlocks[timeBlocks.count - 1].append(time)
        rowCount += 1
    }

    consuming func build() -> Segment {
        let hashes = Self.concatenate(&hashBlocks, count: rowCount)
        let times = Self.concatenate(&timeBlocks, count: rowCount)
        return Segment(hashes: hashes, times: times, clipRowStarts: clipRowStarts + [UInt32(rowCount)], slots: slots, clipIDs: clipIDs)
    }

    /// One array from the blocks, freeing each block once it is copied.
    private static func concatenate<Element>(_ blocks: inout [[Element]], count: Int) -> [Element] {
        [Element](hugePagesOf: count) { buffer in
            var next = buffer.baseAddress!
            for index in blocks.indices {
                blocks[index].withUnsafeBufferPointer { block in
                    next.initialize(from: block.baseAddress!, count: block.count)
                    next += block.count
                }
                blocks[index] = []
            }
        }
    }
}
