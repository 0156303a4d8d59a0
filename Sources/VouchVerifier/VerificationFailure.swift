/// A check of `vouch verify` that failed: the server shows something its signed log does
/// not vouch for. Each case names what a client can prove, with the evidence.
public enum VerificationFailure: Error, Equatable, CustomStringConvertible {
    /// The latest checkpoint does not open with the log's key.
    case checkpointNotSigned(key: String, reason: String)
    /// The log is smaller than a checkpoint seen before.
    case logShrank(before: Int64, now: Int64)
    /// Same size as a checkpoint seen before, another root.
    case logRewritten(size: Int64)
    /// The consistency proof from a checkpoint seen before does not hold.
    case notAnExtension(before: Int64, now: Int64)
    /// The entries served do not hash to the signed root.
    case entriesNotSigned(Range<Int64>)
    /// A review shown with no log entry.
    case notLogged(clip: Int64)
    /// A review shown at an index past the signed log.
    case outsideSignedLog(clip: Int64, index: Int64, size: Int64)
    /// The entry at the index shown is about another clip.
    case entryAboutAnotherClip(clip: Int64, index: Int64)
    /// The log has a later entry for the clip than the one shown, as after a takedown.
    case notLatestEntry(clip: Int64, index: Int64, latest: Int64)
    /// The review is shown otherwise than its entry says.
    case shownOtherwise(clip: Int64, index: Int64, differences: [String])
    /// Reviews the log says are public that the server does not show.
    case hidden(product: String, clips: [Int64])

    public var description: String {
        switch self {
        case .checkpointNotSigned(let key, let reason):
            "the checkpoint is not signed by \(key): \(reason)"
        case .logShrank(let before, let now):
            "the log shrank: \(before) entries were seen before, \(now) now"
        case .logRewritten(let size):
            "the log was rewritten: same size \(size), another root"
        case .notAnExtension(let before, let now):
            "the log is not an extension of the checkpoint seen before (\(before) → \(now))"
        case .entriesNotSigned(let range):
            "the log's entries \(range.lowerBound)..<\(range.upperBound) do not make the signed root: the log served is not the log signed"
        case .notLogged(let clip):
            "clip \(clip) is shown but has no log entry"
        case .outsideSignedLog(let clip, let index, let size):
            "clip \(clip) is shown as logged at \(index), outside the signed log of \(size) entries"
        case .entryAboutAnotherClip(let clip, let index):
            "clip \(clip): entry \(index) is about another clip"
        case .notLatestEntry(let clip, let index, let latest):
            "clip \(clip) is shown as logged at \(index), but the log has a later entry for it at \(latest)"
        case .shownOtherwise(let clip, let index, let differences):
            "clip \(clip) is not shown as logged at \(index): " + differences.joined(separator: "; ")
        case .hidden(let product, let clips):
            "reviews the log says are public for \(product) are not shown: clips \(clips.map(String.init).joined(separator: ", "))"
        }
    }
}
