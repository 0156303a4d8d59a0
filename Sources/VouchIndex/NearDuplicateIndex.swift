import VouchFingerprint

/// The in-memory index over every indexed clip's frame hashes: which clips does
/// this query match?
///
/// Start-up loads every clip from the store into one large segment. Each insert
/// then adds a small segment of its own, searchable as soon as `insert` returns;
/// a removal hides the clip at once. Small segments are merged in the background
/// (``MergePolicy``), dropping removed clips' rows. Writers are serialised by the
/// actor; queries take the current ``IndexSnapshot`` and search it off the actor,
/// so any number run concurrently with each other and with writes.
public actor NearDuplicateIndex {
    public nonisolated let settings: IndexSettings
    private var segments: [Segment]
    private var removed: Set<UInt32> = []
    private var slots: [Int64: UInt32]
    private var nextSlot: UInt32
    private var published: IndexSnapshot
    private var merging: Task<Void, Never>?

    /// An empty index.
    public init(settings: IndexSettings = IndexSettings()) {
        self.settings = settings
        segments = []
        slots = [:]
        nextSlot = 0
        published = IndexSnapshot(segments: [], removed: [], clipCount: 0, settings: settings)
    }

    /// An index of `clips`, built in one pass: how the store loads it at start-up.
    /// The sequence may be lazy; only the index's own rows are held. Past
    /// ``ChunkLayout/maximumRows`` (33M) rows, further clips start another segment.
    public init<Clips: Sequence>(loading clips: Clips, settings: IndexSettings = IndexSettings()) throws(IndexError)
    where Clips.Element == (clipID: Int64, fingerprint: VideoFingerprint) {
        self.settings = settings
        var builder = SegmentBuilder()
        var segments: [Segment] = []
        var slots: [Int64: UInt32] = [:]
        for (clipID, fingerprint) in clips {
            let slot = UInt32(slots.count)
            guard slots.updateValue(slot, forKey: clipID) == nil else { throw .clipAlreadyIndexed(clipID: clipID) }
            let rows = try SegmentBuilder.rows(of: fingerprint, clipID: clipID, settings: settings)
            if !builder.fits(rows) {
                segments.append(builder.build())
                builder = SegmentBuilder()
            }
            builder.append(rows, clipID: clipID, slot: slot)
        }
        segments.append(builder.build())
        self.segments = segments
        self.slots = slots
        nextSlot = UInt32(slots.count)
        published = IndexSnapshot(segments: segments, removed: [], clipCount: slots.count, settings: settings)
    }

    /// What queries search now.
    public var snapshot: IndexSnapshot { published }

    /// The indexed clips that `query` hits along one time line, best first, at most
    /// ``IndexSettings/candidateLimit``. Runs off the actor, on the current snapshot.
    public nonisolated func candidates(for query: VideoFingerprint) async -> [ClipCandidate] {
        await snapshot.candidates(for: query)
    }

    /// Indexes a clip; the next query finds it.
    public func insert(clipID: Int64, fingerprint: VideoFingerprint) throws(IndexError) {
        guard slots[clipID] == nil else { throw .clipAlreadyIndexed(clipID: clipID) }
        var builder = SegmentBuilder()
        builder.append(try SegmentBuilder.rows(of: fingerprint, clipID: clipID, settings: settings), clipID: clipID, slot: nextSlot)
        slots[clipID] = nextSlot
        nextSlot += 1
        segments.append(builder.build())
        publish()
        mergeIfDue()
    }

    /// Stops a clip from matching, at once; its rows go at the next merge of its segment.
    /// Returns whether the clip was indexed.
    @discardableResult
    public func remove(clipID: Int64) -> Bool {
        guard let slot = slots.removeValue(forKey: clipID) else { return false }
        removed.insert(slot)
        publish()
        return true
    }

    public func contains(clipID: Int64) -> Bool {
        slots[clipID] != nil
    }

    /// Returns when no merge is running or due: for tests, benchmarks and shutdown.
    public func mergesFinished() async {
        while let merging {
            await merging.value
        }
    }

    private func publish() {
        published = IndexSnapshot(segments: segments, removed: removed, clipCount: slots.count, settings: settings)
    }

    /// Starts merging the run ``MergePolicy`` picks, off the actor, unless a merge is running.
    private func mergeIfDue() {
        guard merging == nil, let run = MergePolicy.nextRun(rowCounts: segments.map(\.rowCount)) else { return }
        let inputs = Array(segments[run])
        let removed = self.removed
        merging = Task.detached(priority: .utility) {
            var builder = SegmentBuilder()
            for segment in inputs { builder.append(segment, dropping: removed) }
            await self.finishMerge(of: inputs, into: builder.build())
        }
    }

    private func finishMerge(of inputs: [Segment], into merged: Segment) {
        if let start = segments.firstIndex(where: { $0 === inputs[0] }) {
            segments.replaceSubrange(start..<(start + inputs.count), with: [merged])
        }
        merging = nil
        publish()
        mergeIfDue()
    }
}
