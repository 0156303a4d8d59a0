import Logging
import VouchMediaStore
import VouchStore

/// Deletes the media of rejected and erased clips from the media store: the rendition
/// and poster at once, the original too unless `keepRejectedOriginals` (retention for
/// appeals or evidence; an erasure keeps nothing). Shoppers stop seeing a rejected clip's
/// media the moment its status changes, since every media request checks the status;
/// this sweep is what frees the bytes. Any number of processes may sweep one store.
public struct MediaSweeper: Sendable {
    let store: Store
    let media: any MediaStore
    let keepRejectedOriginals: Bool
    let logger: Logger

    public init(store: Store, media: any MediaStore, keepRejectedOriginals: Bool, logger: Logger) {
        self.store = store
        self.media = media
        self.keepRejectedOriginals = keepRejectedOriginals
        self.logger = logger
    }

    /// Sweeps until nothing is left to release; returns how many objects were deleted.
    @discardableResult
    public func sweep(batch: Int = 100) async throws -> Int {
        var deleted = 0
        while true {
            let releasable = try await store.releasableMedia(keepRejectedOriginals: keepRejectedOriginals, limit: batch)
            for clip in releasable {
                for key in clip.deletable {
                    try await media.remove(try MediaKey(key))
                    deleted += 1
                }
                try await store.forgetMedia(clip.keys, of: clip.clip)
            }
            if releasable.count < batch { return deleted }
        }
    }

    /// Sweeping every `seconds`, as a service.
    func service(every seconds: Double) -> PeriodicService {
        PeriodicService(seconds: seconds, logger: logger, failure: { (.warning, "deleting rejected clips' media failed; will retry: \($0)") }) {
            let deleted = try await sweep()
            if deleted > 0 { logger.notice("deleted media of rejected or erased clips", metadata: ["objects": "\(deleted)"]) }
        }
    }
}
