import Logging
import Metrics
import VouchLog
import VouchStore

/// Signs a checkpoint whenever the review log has grown, so a published review is
/// provable within seconds. Any number of processes may run one with the same key:
/// Ed25519 is deterministic, so they write the same note for the same head.
public struct CheckpointSigner: Sendable {
    let store: Store
    let signer: NoteSigner
    let origin: String
    let logger: Logger

    public init(store: Store, signer: NoteSigner, origin: String, logger: Logger) {
        self.store = store
        self.signer = signer
        self.origin = origin
        self.logger = logger
    }

    /// Signs the current head if no checkpoint covers it yet; returns the new checkpoint.
    @discardableResult
    public func signIfGrown() async throws -> Checkpoint? {
        // Every second in every signing process: the cheap size first, the root only when grown.
        let signed = try await store.latestCheckpoint()?.size ?? -1
        guard try await store.logSize() > signed else { return nil }
        let head = try await store.logHead()
        let checkpoint = Checkpoint(origin: origin, size: head.size, root: head.root)
        try await store.saveCheckpoint(checkpoint, note: try signer.sign(checkpoint.text), verifier: signer.verifier)
        Gauge(label: "vouch_log_size").record(Double(head.size))
        return checkpoint
    }

    /// Signs every `seconds` until cancelled.
    public func run(every seconds: Double) async {
        while !Task.isCancelled {
            do {
                try await signIfGrown()
            } catch let error as LogError {
                logger.critical("the review log cannot be signed", metadata: ["reason": "\(error)"])
            } catch {
                logger.warning("signing a checkpoint failed; will retry", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(seconds))
        }
    }
}
