import Foundation
import VouchLog

/// The checks `vouch verify` makes, from the public API and the log's key alone: the
/// checkpoint is signed; the log only grew since the last checkpoint seen; every review
/// of the product is in the log as shown; and, replaying the log, no review the log says
/// is public is missing from the product's ranking.
struct ReviewLogVerifier {
    let client: LogClient
    let verifier: NoteVerifier

    /// What the checks found: `failures` empty means the log vouches for what was shown.
    struct Report {
        var passed: [String] = []
        var failures: [String] = []
        var checkpoint: Checkpoint?
        var note: String?
    }

    func verify(product: String, previous: String?, complete: Bool) async throws -> Report {
        var report = Report()
        let note = try await client.checkpointNote()
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint(note: note, verifier: verifier)
        } catch {
            report.failures.append("the checkpoint is not signed by \(verifier.encoded): \(error)")
            return report
        }
        report.checkpoint = checkpoint
        report.note = note
        report.passed.append("checkpoint signed by \(verifier.name): \(checkpoint.size) entries, root \(checkpoint.root.base64)")
        if let previous { try await checkConsistency(from: previous, to: checkpoint, into: &report) }

        let reviews = try await client.reviews(product: product)
        for review in reviews { try await check(review, product: product, checkpoint: checkpoint, into: &report) }
        if complete { try await checkComplete(product: product, reviews: reviews, checkpoint: checkpoint, into: &report) }
        return report
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

    private func check(_ review: LogClient.Review, product: String, checkpoint: Checkpoint, into report: inout Report) async throws {
        guard let index = review.logIndex else {
            report.failures.append("clip \(review.clip) is shown but has no log entry")
            return
        }
        guard index < checkpoint.size else {
            report.passed.append("clip \(review.clip) is logged at \(index), after the latest checkpoint; verify again in a few seconds")
            return
        }
        guard let bytes = try await client.entries(index..<(index + 1)).first?.bytes else { return }
        let proof = try await client.inclusionProof(index: index, treeSize: checkpoint.size)
        guard proof.verify(leaf: .leaf(bytes), root: checkpoint.root) else {
            report.failures.append("clip \(review.clip): entry \(index) is not in the signed log (the inclusion proof fails)")
            return
        }
        guard let entry = try? ReviewEntry(decoding: bytes), entry.clip == review.clip else {
            report.failures.append("clip \(review.clip): entry \(index) is about another clip")
            return
        }
        var differences: [String] = []
        if !entry.isPublic { differences.append("the log says it is \(entry.status)") }
        if entry.product != product { differences.append("the log says product \(entry.product)") }
        if entry.score != ReviewEntry.format(score: review.score) { differences.append("shown score \(ReviewEntry.format(score: review.score)), logged \(entry.score ?? "none")") }
        if entry.verdict != review.explanation.verdict { differences.append("shown verdict \(review.explanation.verdict), logged \(entry.verdict ?? "none")") }
        if differences.isEmpty {
            report.passed.append("clip \(review.clip): shown as logged at \(index), inclusion proved")
        } else {
            report.failures.append("clip \(review.clip) is not shown as logged at \(index): " + differences.joined(separator: "; "))
        }
    }

    private func checkComplete(product: String, reviews: [LogClient.Review], checkpoint: Checkpoint, into report: inout Report) async throws {
        var frontier = TreeFrontier()
        var latest: [Int64: ReviewEntry] = [:]
        for (index, bytes) in try await client.entries(0..<checkpoint.size) {
            guard index == frontier.size else { throw VerifyError.server("the log served entry \(index) where \(frontier.size) was due") }
            _ = frontier.append(.leaf(bytes))
            if let entry = try? ReviewEntry(decoding: bytes) { latest[entry.clip] = entry }
        }
        guard frontier.root == checkpoint.root else {
            report.failures.append("the log's entries do not make the signed root: the log served is not the log signed")
            return
        }
        let shown = Set(reviews.map(\.clip))
        let missing = latest.values.filter { $0.product == product && $0.isPublic && !shown.contains($0.clip) }.map(\.clip).sorted()
        if missing.isEmpty {
            report.passed.append("all \(checkpoint.size) entries replayed: every review the log says is public for \(product) is shown")
        } else {
            report.failures.append("reviews the log says are public for \(product) are not shown: clips \(missing.map(String.init).joined(separator: ", "))")
        }
    }
}
