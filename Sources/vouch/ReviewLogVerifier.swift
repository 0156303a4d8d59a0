import Foundation
import VouchLog

/// The checks `vouch verify` makes, from the public API and the log's key alone: the
/// checkpoint is signed; the log only grew since the last checkpoint seen; every review
/// of the product is the latest entry the signed log holds for its clip, as shown; and,
/// replaying the log, no review the log says is public is missing from the ranking.
///
/// A review whose entry is not yet under a signed checkpoint is not taken on trust: the
/// verifier waits for a checkpoint that covers it, then fails it if none does. And a shown
/// entry must be its clip's latest, or an insider could point a taken-down review at the
/// entry from before its takedown.
struct ReviewLogVerifier {
    let client: LogClient
    let verifier: NoteVerifier
    /// How long to wait for a checkpoint that covers every review shown.
    var checkpointWait: Duration = .seconds(10)

    /// What the checks found: `failures` empty means the log vouches for what was shown.
    struct Report {
        var passed: [String] = []
        var failures: [String] = []
        var checkpoint: Checkpoint?
        var note: String?
    }

    func verify(product: String, previous: String?, complete: Bool) async throws -> Report {
        var report = Report()
        let reviews = try await client.reviews(product: product)
        let newest = reviews.compactMap(\.logIndex).max() ?? -1
        guard let (checkpoint, note) = try await signedCheckpoint(covering: newest, into: &report) else { return report }
        report.checkpoint = checkpoint
        report.note = note
        report.passed.append("checkpoint signed by \(verifier.name): \(checkpoint.size) entries, root \(checkpoint.root.base64)")
        if let previous { try await checkConsistency(from: previous, to: checkpoint, into: &report) }

        let logged = reviews.compactMap(\.logIndex).filter { $0 >= 0 && $0 < checkpoint.size }
        let start = complete ? 0 : logged.min() ?? checkpoint.size
        guard let entries = try await provenEntries(from: start, checkpoint: checkpoint, into: &report) else { return report }
        for review in reviews { check(review, product: product, checkpoint: checkpoint, entries: entries, into: &report) }
        if complete { checkComplete(product: product, reviews: reviews, entries: entries, into: &report) }
        return report
    }

    /// The latest checkpoint, waiting up to `checkpointWait` for one whose size is past
    /// `newest`; nil (with a failure) when the checkpoint is not signed by the log's key.
    private func signedCheckpoint(covering newest: Int64, into report: inout Report) async throws -> (Checkpoint, String)? {
        let clock = ContinuousClock()
        let deadline = clock.now + checkpointWait
        while true {
            let note = try await client.checkpointNote()
            let checkpoint: Checkpoint
            do {
                checkpoint = try Checkpoint(note: note, verifier: verifier)
            } catch {
                report.failures.append("the checkpoint is not signed by \(verifier.encoded): \(error)")
                return nil
            }
            if checkpoint.size > newest || clock.now >= deadline { return (checkpoint, note) }
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    private func checkConsistency(from previousNote: String, to checkpoint: Checkpoint, into report: inout Report) async throws {
        let previous: Checkpoint
        do {
            previous = try Checkpoint(note: previousNote, verifier: verifier)
        } catch {
            throw VerifyError.state("\(error)")
        }
        if previous.size > checkpoint.size {
            report.failures.append("the log shrank: \(previous.size) entries were seen before, \(checkpoint.size) now")
        } else if previous.size == checkpoint.size {
            if previous.root == checkpoint.root {
                report.passed.append("the log is unchanged since the checkpoint seen before")
            } else {
                report.failures.append("the log was rewritten: same size \(checkpoint.size), another root")
            }
        } else if previous.size > 0 {
            let proof = try await client.consistencyProof(from: previous.size, to: checkpoint.size)
            if proof.verify(oldRoot: previous.root, newRoot: checkpoint.root) {
                report.passed.append("the log only grew since the checkpoint seen before (\(previous.size) → \(checkpoint.size))")
            } else {
                report.failures.append("the log is not an extension of the checkpoint seen before (\(previous.size) → \(checkpoint.size))")
            }
        }
    }

    /// Every entry from `start` to the checkpoint's size, proven to be exactly the signed
    /// log's: from 0 by replaying it to the signed root, from later by a tail proof.
    private func provenEntries(from start: Int64, checkpoint: Checkpoint, into report: inout Report) async throws -> ProvenEntries? {
        guard start < checkpoint.size else { return ProvenEntries(start: start, bytes: []) }
        let served = try await client.entries(start..<checkpoint.size)
        for (offset, entry) in served.enumerated() where entry.index != start + Int64(offset) {
            throw VerifyError.server("the log served entry \(entry.index) where \(start + Int64(offset)) was due")
        }
        let leaves = served.map { TreeHash.leaf($0.bytes) }
        let proven: Bool
        if start == 0 {
            var frontier = TreeFrontier()
            for leaf in leaves { _ = frontier.append(leaf) }
            proven = frontier.root == checkpoint.root
        } else {
            proven = try await client.inclusionProof(index: start, treeSize: checkpoint.size).verifyTail(leaves, root: checkpoint.root)
        }
        guard proven else {
            report.failures.append("the log's entries \(start)..<\(checkpoint.size) do not make the signed root: the log served is not the log signed")
            return nil
        }
        if start == 0 { report.passed.append("all \(checkpoint.size) entries replayed to the signed root") }
        return ProvenEntries(start: start, bytes: served.map(\.bytes))
    }

    private func check(_ review: LogClient.Review, product: String, checkpoint: Checkpoint, entries: ProvenEntries, into report: inout Report) {
        guard let index = review.logIndex else {
            report.failures.append("clip \(review.clip) is shown but has no log entry")
            return
        }
        guard index >= 0, index < checkpoint.size else {
            report.failures.append("clip \(review.clip) is shown as logged at \(index), outside the signed log of \(checkpoint.size) entries")
            return
        }
        guard let entry = entries.entry(at: index), entry.clip == review.clip else {
            report.failures.append("clip \(review.clip): entry \(index) is about another clip")
            return
        }
        if let latest = entries.latestIndex(of: review.clip, after: index) {
            report.failures.append("clip \(review.clip) is shown as logged at \(index), but the log has a later entry for it at \(latest)")
            return
        }
        var differences: [String] = []
        if !entry.isPublic { differences.append("the log says it is \(entry.status)") }
        if entry.product != product { differences.append("the log says product \(entry.product)") }
        if entry.score != ReviewEntry.format(score: review.score) { differences.append("shown score \(ReviewEntry.format(score: review.score)), logged \(entry.score ?? "none")") }
        if entry.verdict != review.explanation.verdict { differences.append("shown verdict \(review.explanation.verdict), logged \(entry.verdict?.rawValue ?? "none")") }
        if differences.isEmpty {
            report.passed.append("clip \(review.clip): shown as its latest entry \(index) in the signed log")
        } else {
            report.failures.append("clip \(review.clip) is not shown as logged at \(index): " + differences.joined(separator: "; "))
        }
    }

    private func checkComplete(product: String, reviews: [LogClient.Review], entries: ProvenEntries, into report: inout Report) {
        let shown = Set(reviews.map(\.clip))
        let missing = entries.latestByClip.values.filter { $0.product == product && $0.isPublic && !shown.contains($0.clip) }.map(\.clip).sorted()
        if missing.isEmpty {
            report.passed.append("every review the log says is public for \(product) is shown")
        } else {
            report.failures.append("reviews the log says are public for \(product) are not shown: clips \(missing.map(String.init).joined(separator: ", "))")
        }
    }
}

/// Entries from `start` to a signed checkpoint's size, each proven part of that log.
private struct ProvenEntries {
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
