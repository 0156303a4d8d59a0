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
    private var featureHashes: [UInt64] = []
    private var featureTimes: [UInt16] = []
    private var clipFeatureStarts: [UInt32] = []
    private var slots: [UInt32] = []
    private var clipIDs: [Int64] = []
    private(set) var rowCount = 0

    /// What the index stores of one clip.
    struct ClipRows {
        var hashes: [(HashWords, UInt16)] = []
        var features: [(UInt64, UInt16)] = []
    }

    /// A clip's stored views: for each frame of usable quality, the content box's
    /// hash, the whole frame's when a box was cut, and each inset's. The dihedral
    /// variants are not stored: the query tries its own eight instead. Local
    /// features are stored more sparsely than they are probed (``IndexSettings/featureInterval``,
    /// ``IndexSettings/featuresStoredPerFrame``): a query brings all of its own.
    static func rows(of fingerprint: VideoFingerprint, clipID: Int64, settings: IndexSettings) throws(IndexError) -> ClipRows {
        var rows = ClipRows()
        var nextFeatureTime = -Double.infinity
        for frame in fingerprint.frames where frame.quality >= settings.minimumQuality {
            guard let time = FrameTime.encode(frame.timestamp) else {
                throw .frameTooLate(clipID: clipID, timestamp: frame.timestamp)
            }
            rows.hashes.append((frame.pdq.packed, time))
            if let full = frame.fullFrame { rows.hashes.append((full.packed, time)) }
            for inset in frame.insets { rows.hashes.append((inset.packed, time)) }
            if !frame.features.isEmpty, frame.timestamp >= nextFeatureTime {
                rows.features += frame.features.prefix(settings.featuresStoredPerFrame).map { ($0.hash, time) }
                nextFeatureTime = frame.timestamp + settings.featureInterval - 0.01
            }
        }
        return rows
    }

    /// Whether a clip of `rows` more rows still fits (``ChunkLayout/maximumRows`` hashes,
    /// ``FeatureTables/maximumRows`` features: several feature rows a hash, but no tag
    /// shares their row numbers, so one segment holds them all and a probe reads one bucket a chunk).
    func fits(_ rows: ClipRows) -> Bool {
        rowCount + rows.hashes.count <= ChunkLayout.maximumRows && featureHashes.count + rows.features.count <= FeatureTables.maximumRows
    }

    mutating func append(_ rows: ClipRows, clipID: Int64, slot: UInt32) {
        beginClip(clipID: clipID, slot: slot)
        for (hash, time) in rows.hashes { appendRow(hash, time: time) }
        for (hash, time) in rows.features {
            featureHashes.append(hash)
            featureTimes.append(time)
        }
    }

    /// Copies a segment's clips, leaving out the removed ones.
    mutating func append(_ segment: Segment, dropping removed: Set<UInt32>) {
        let featureSource = segment.features.tables.hashesByRow()
        for clip in 0..<segment.clipCount where !removed.contains(segment.slots[clip]) {
            beginClip(clipID: segment.clipIDs[clip], slot: segment.slots[clip])
            for row in Int(segment.clipRowStarts[clip])..<Int(segment.clipRowStarts[clip + 1]) {
                appendRow(segment.hashes[row], time: segment.times[row])
            }
            for row in Int(segment.features.clipStarts[clip])..<Int(segment.features.clipStarts[clip + 1]) {
                featureHashes.append(featureSource[row])
                featureTimes.append(segment.features.times[row])
            }
        }
    }

    private mutating func beginClip(clipID: Int64, slot: UInt32) {
        clipRowStarts.append(UInt32(rowCount))
        clipFeatureStarts.append(UInt32(featureHashes.count))
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
        let features = FeatureRows(hashes: featureHashes, times: featureTimes, clipStarts: clipFeatureStarts + [UInt32(featureHashes.count)])
        return Segment(hashes: hashes, times: times, clipRowStarts: clipRowStarts + [UInt32(rowCount)], slots: slots, clipIDs: clipIDs,
                       features: features)
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
