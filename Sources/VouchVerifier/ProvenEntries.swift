import Foundation
import VouchLog

/// Entries from `start` to a signed checkpoint's size, each proven part of that log.
struct ProvenEntries {
    let start: Int64
    let entries: [ReviewEntry?]

    init(start: Int64, bytes: [Data]) {
        self.start = start
        entries = bytes.map { try? ReviewEntry(decoding: $0) }
    }

    func entry(at index: Int64) -> ReviewEntry? {
        guard index >= start, index - start < entries.count else { return nil }
        return entries[Int(index - start)]
    }

    /// The index of a later entry for `clip` than `index`, if the log has one.
    func latestIndex(of clip: Int64, after index: Int64) -> Int64? {
        let later = entries[Int(index - start + 1)...].lastIndex { $0?.clip == clip }
        return later.map { start + Int64($0) }
    }

    /// Each clip's latest entry.
    var latestByClip: [Int64: ReviewEntry] {
        var latest: [Int64: ReviewEntry] = [:]
        for case let entry? in entries { latest[entry.clip] = entry }
        return latest
    }
}
