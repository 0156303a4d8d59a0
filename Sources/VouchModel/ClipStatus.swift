/// Where a clip is on its way from upload to the public index.
public enum ClipStatus: String, Sendable, Codable, CaseIterable {
    /// Accepted and spooled; waiting for a worker.
    case received
    /// A worker holds its job.
    case processing
    /// Scored and visible to shoppers.
    case published
    /// Held for a moderator: the evidence is in its flags.
    case flagged
    /// Kept out of the index by a moderator or by policy.
    case rejected
    /// Could not be analysed (corrupt media, limits, a crashing decoder); the reason is recorded.
    case failed
    /// Its reviewer's words, media and binding were erased on request; the log keeps only digests.
    case erased

    /// Whether the pipeline is done with the clip.
    public var isFinal: Bool { self != .received && self != .processing }
}
