import Foundation
import Logging
import VouchFingerprint
import VouchIndex
import VouchStore

/// Keeps one process's in-memory index in step with the store, so that a clip indexed
/// by any worker on any machine is matched by every other within a poll interval.
///
/// It reads the store's index log in sequence order. On PostgreSQL a transaction can
/// commit a lower sequence number after a higher one is visible, so the follower keeps
/// a cursor below which it has seen everything, remembers what it has seen above it,
/// and treats a gap that stays open past ``gapTimeout`` as a rolled-back transaction.
public actor IndexFollower {
    public nonisolated let index: NearDuplicateIndex
    private let store: Store
    private let logger: Logger
    private var cursor: Int64
    private var seenAbove: Set<Int64> = []
    private var gapsSince: [Int64: Date] = [:]
    private var inFlight: Task<Void, any Error>?
    static let gapTimeout: TimeInterval = 10

    init(index: NearDuplicateIndex, store: Store, cursor: Int64, logger: Logger) {
        self.index = index
        self.store = store
        self.cursor = cursor
        self.logger = logger
    }

    /// Loads every indexed clip from the store, then follows the log from where the load began.
    public static func start(store: Store, settings: IndexSettings = IndexSettings(), logger: Logger = Logger(label: "vouch.index")) async throws -> IndexFollower {
        let cursor = try await store.latestIndexSequence()
        var clips: [(clipID: Int64, fingerprint: VideoFingerprint)] = []
        var after: Int64 = 0
        while true {
            let page = try await store.indexedFingerprints(after: after)
            guard let last = page.last else { break }
            for (clipID, data) in page {
                guard var fingerprint = try? VideoFingerprint(binary: data) else {
                    logger.error("stored fingerprint unreadable; clip left out of the index", metadata: ["clip": "\(clipID)"])
                    continue
                }
                fingerprint.frames = fingerprint.frames.map { frame in
                    var slim = frame
                    slim.thumbnail = nil
                    return slim
                }
                clips.append((clipID, fingerprint))
            }
            after = last.clipID
        }
        let index = try NearDuplicateIndex(loading: clips, settings: settings)
        logger.info("index loaded from the store", metadata: ["clips": "\(clips.count)"])
        let follower = IndexFollower(index: index, store: store, cursor: cursor, logger: logger)
        try await follower.catchUp()
        return follower
    }

    /// Applies every change in the store's log that this process has not seen.
    ///
    /// One catch-up at a time: the actor lets another call in at each `await`, and two
    /// reading the same changes could undo each other (one re-inserting a clip the other
    /// has just removed). Each call waits for the one before it, then reads the log itself.
    public func catchUp() async throws {
        let previous = inFlight
        let reading = Task {
            _ = await previous?.result
            try await applyUnseenChanges()
        }
        inFlight = reading
        try await reading.value
    }

    private func applyUnseenChanges() async throws {
        while true {
            let changes = try await store.indexChanges(after: cursor)
            var appliedAny = false
            for change in changes where !seenAbove.contains(change.sequence) {
                try await apply(change)
                seenAbove.insert(change.sequence)
                appliedAny = true
            }
            advanceCursor()
            guard appliedAny, changes.count >= 1000 else { return }
        }
    }

    /// Catches up with the store and says how far this index has read: what a match
    /// against it, made next, has seen (see ``Store/finish(_:with:matchedUpTo:)``).
    public func caughtUpPosition() async throws -> IndexPosition {
        try await catchUp()
        return IndexPosition(sequence: cursor, alsoSeen: seenAbove)
    }

    /// Following the store, every `seconds`, as a service.
    nonisolated func service(every seconds: Double) -> PeriodicService {
        PeriodicService(seconds: seconds, logger: logger, failure: { (.error, "index could not catch up with the store: \($0)") }) {
            try await self.catchUp()
        }
    }

    /// Indexes a clip this process just finished, without waiting for the next poll.
    public func insert(_ clipID: Int64, _ fingerprint: VideoFingerprint) async {
        guard await !index.contains(clipID: clipID) else { return }
        try? await index.insert(clipID: clipID, fingerprint: fingerprint)
    }

    /// Earlier clips `fingerprint` matches, verified on their stored fingerprints.
    public nonisolated func matches(for fingerprint: VideoFingerprint, using matcher: TemporalMatcher) async throws -> [VerifiedMatch] {
        try await index.matches(for: fingerprint, verifiedBy: StoredFingerprints(store: store), using: matcher)
    }

    private func apply(_ change: IndexChange) async throws {
        switch change.kind {
        case .insert:
            guard await !index.contains(clipID: change.clipID),
                  let data = try await store.fingerprint(clip: change.clipID),
                  let fingerprint = try? VideoFingerprint(binary: data)
            else { return }
            try? await index.insert(clipID: change.clipID, fingerprint: fingerprint)
        case .remove:
            _ = await index.remove(clipID: change.clipID)
        }
    }

    private func advanceCursor() {
        let now = Date()
        while true {
            let next = cursor + 1
            if seenAbove.remove(next) != nil {
                gapsSince[next] = nil
                cursor = next
                continue
            }
            guard let highest = seenAbove.max(), highest > next else { return }
            let opened = gapsSince[next] ?? now
            gapsSince[next] = opened
            guard now.timeIntervalSince(opened) > Self.gapTimeout else { return }
            gapsSince[next] = nil
            cursor = next
        }
    }
}

/// The store as the index's verifier sees it: stored fingerprints by clip.
struct StoredFingerprints: FingerprintProvider {
    let store: Store

    func fingerprint(ofClip clipID: Int64) async throws -> VideoFingerprint? {
        try await store.fingerprint(clip: clipID).flatMap { try? VideoFingerprint(binary: $0) }
    }
}
