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
public struct ReviewLogVerifier: Sendable {
    public let client: LogClient
    public let verifier: NoteVerifier
    /// How long to wait for a checkpoint that covers every review shown.
    public var checkpointWait: Duration

    public init(client: LogClient, verifier: NoteVerifier, checkpointWait: Duration = .seconds(10)) {
        self.client = client
        self.verifier = verifier
        self.checkpointWait = checkpointWait
    }

    /// What the checks found: `failures` empty means the log vouches for what was shown.
    public struct Report: Sendable {
        public var passed: [String] = []
        public var failures: [VerificationFailure] = []
        public var checkpoint: Checkpoint?
        /// The checkpoint's signed note, to save as the state of the next run.
        public var note: String?

        public init() {}
    }

    public func verify(product: String, previous: String?, complete: Bool) async throws -> Report {
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
                report.failures.append(.checkpointNotSigned(key: verifier.encoded, reason: "\(error)"))
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
            report.failures.append(.logShrank(before: previous.size, now: checkpoint.size))
        } else if previous.size == checkpoint.size {
            if previous.root == checkpoint.root {
                report.passed.append("the log is unchanged since the checkpoint seen before")
            } else {
                report.failures.append(.logRewritten(size: checkpoint.size))
            }
        } else if previous.size > 0 {
            let proof = try await client.consistencyProof(from: previous.size, to: checkpoint.size)
            if proof.verify(oldRoot: previous.root, newRoot: checkpoint.root) {
                report.passed.append("the log only grew since the checkpoint seen before (\(previous.size) → \(checkpoint.size))")
            } else {
                report.failures.append(.notAnExtension(before: previous.size, now: checkpoint.size))
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
            report.failures.append(.entriesNotSigned(start..<checkpoint.size))
            return nil
        }
        if start == 0 { report.passed.append("all \(checkpoint.size) entries replayed to the signed root") }
        return ProvenEntries(start: start, bytes: served.map(\.bytes))
    }

    private func check(_ review: LogClient.Review, product: String, checkpoint: Checkpoint, entries: ProvenEntries, into report: inout Report) {
        guard let index = review.logIndex else {
            report.failures.append(.notLogged(clip: review.clip))
            return
        }
        guard index >= 0, index < checkpoint.size else {
            report.failures.append(.outsideSignedLog(clip: review.clip, index: index, size: checkpoint.size))
            return
        }
        guard let entry = entries.entry(at: index), entry.clip == review.clip else {
            report.failures.append(.entryAboutAnotherClip(clip: review.clip, index: index))
            return
        }
        if let latest = entries.latestIndex(of: review.clip, after: index) {
            report.failures.append(.notLatestEntry(clip: review.clip, index: index, latest: latest))
            return
        }
        var differences: [String] = []
        if !entry.isPublic { differences.append("the log says it is \(entry.status)") }
        if entry.product != product { differences.append("the log says product \(entry.product)") }
        if entry.score != ReviewEntry.format(score: review.score) { differences.append("shown score \(ReviewEntry.format(score: review.score)), logged \(entry.score ?? "none")") }
        if entry.verdict != review.explanation.verdict { differences.append("shown verdict \(review.explanation.verdict), logged \(entry.verdict?.rawValue ?? "none")") }
        if entry.wordsSHA256 != review.words?.digest {
            differences.append("shown words hash to \(review.words?.digest ?? "none"), logged \(entry.wordsSHA256 ?? "none")")
        }
        if differences.isEmpty {
            report.passed.append("clip \(review.clip): shown as its latest entry \(index) in the signed log")
        } else {
            report.failures.append(.shownOtherwise(clip: review.clip, index: index, differences: differences))
        }
    }

    private func checkComplete(product: String, reviews: [LogClient.Review], entries: ProvenEntries, into report: inout Report) {
        let shown = Set(reviews.map(\.clip))
        let missing = entries.latestByClip.values.filter { $0.product == product && $0.isPublic && !shown.contains($0.clip) }.map(\.clip).sorted()
        if missing.isEmpty {
            report.passed.append("every review the log says is public for \(product) is shown")
        } else {
            report.failures.append(.hidden(product: product, clips: missing))
        }
    }
}
