import Logging
import Metrics
import VouchLog
import VouchStore

/// Signs a checkpoint whenever the review log has grown, so a published review is
/// provable within seconds. Any number of processes may run one with the same key:
/// Ed25519 is deterministic, so they write the same note for the same head.
///
/// It signs only a head that extends the last checkpoint signed: someone who can write to
/// the database but holds no key could otherwise rewrite history and have it signed within
/// a second. The last checkpoint is the newer of the one this process signed or checked
/// (kept in memory, so deleting checkpoint rows does not roll it back) and the newest in
/// the store whose signature verifies under this key.
public actor CheckpointSigner {
    let store: Store
    let signer: NoteSigner
    let origin: String
    let logger: Logger
    private var lastSigned: Checkpoint?

    public init(store: Store, signer: NoteSigner, origin: String, logger: Logger) {
        self.store = store
        self.signer = signer
        self.origin = origin
        self.logger = logger
    }

    /// Signs the current head if no checkpoint covers it yet; returns the new checkpoint.
    /// Throws ``LogError/notAnExtension(signed:head:)`` and signs nothing when the head does
    /// not extend the last checkpoint.
    @discardableResult
    public func signIfGrown() async throws -> Checkpoint? {
        // Every second in every signing process: the cheap size first, the root only when grown.
        let anchor = try newestSigned(try await store.latestCheckpoint())
        let size = try await store.logSize()
        if let anchor, size < anchor.size { throw LogError.notAnExtension(signed: anchor.size, head: size) }
        guard size > anchor?.size ?? -1 else { return nil }
        let head = try await store.logHead()
        if let anchor { try await checkExtends(anchor, head: head) }
        let checkpoint = Checkpoint(origin: origin, size: head.size, root: head.root)
        try await store.saveCheckpoint(checkpoint, note: try signer.sign(checkpoint.text), verifier: signer.verifier)
        lastSigned = checkpoint
        return checkpoint
    }

    /// The newest checkpoint known to be signed by this key: the store's, if its signature
    /// verifies and it is newer than the one this process remembers.
    private func newestSigned(_ stored: SignedCheckpoint?) throws -> Checkpoint? {
        guard let stored, stored.size > lastSigned?.size ?? -1 else { return lastSigned }
        guard let checkpoint = try? Checkpoint(note: stored.note, verifier: signer.verifier), checkpoint.size == stored.size else {
            throw LogError.unsignedCheckpoint(size: stored.size)
        }
        lastSigned = checkpoint
        return checkpoint
    }

    private func checkExtends(_ anchor: Checkpoint, head: (size: Int64, root: TreeHash)) async throws {
        guard anchor.size > 0 else { return }
        let proof = try await store.consistencyProof(from: anchor.size, to: head.size)
        guard proof.verify(oldRoot: anchor.root, newRoot: head.root) else {
            throw LogError.notAnExtension(signed: anchor.size, head: head.size)
        }
    }

    /// Signing every `seconds`, as a service. A log that is not an extension of what was
    /// signed is refused, counted and logged as critical; other failures are retried.
    nonisolated func service(every seconds: Double) -> PeriodicService {
        PeriodicService(seconds: seconds, logger: logger, failure: { error in
            error is LogError ? (.critical, "the review log cannot be signed: \(error)") : (.warning, "signing a checkpoint failed; will retry: \(error)")
        }) {
            do {
                try await self.signIfGrown()
            } catch let error as LogError {
                Counter(label: "vouch_log_signing_refused_total").increment()
                throw error
            }
        }
    }
}
