import Foundation
import SQLKit
import VouchLog
import VouchModel

extension Store {
    /// Rebuilds the review log from its stored entries and checks it against itself, its
    /// signed checkpoints and the clips shoppers see. An empty answer means the log and
    /// the store agree; anything else is tampering or corruption, named.
    ///
    /// Reads everything once, a page at a time: memory stays small at any log size.
    public func auditLog(verifier: NoteVerifier?) async throws -> [LogProblem] {
        var problems = try await auditTree(verifier: verifier)
        problems += try await auditClips()
        return problems
    }

    private func auditTree(verifier: NoteVerifier?) async throws -> [LogProblem] {
        let size = try await logSize()
        let checkpoints = try await database.run { db in
            try await db.select().columns("tree_size", "root", "note").from("log_checkpoints").all().map { row in
                (size: try row.decode(column: "tree_size", as: Int64.self), root: TreeHash(bytes: try row.decode(column: "root", as: Data.self)),
                 note: try row.decode(column: "note", as: String.self))
            }
        }
        var problems: [LogProblem] = []
        if let verifier {
            for checkpoint in checkpoints {
                let signed = try? Checkpoint(note: checkpoint.note, verifier: verifier)
                if signed?.size != checkpoint.size || signed?.root != checkpoint.root { problems.append(.checkpointUnsigned(size: checkpoint.size)) }
            }
        }
        let roots = Dictionary(checkpoints.map { ($0.size, $0.root) }, uniquingKeysWith: { first, _ in first })
        var frontier = TreeFrontier()
        let page = 4096
        while frontier.size < size {
            let entries = try await logEntries(from: frontier.size, limit: page)
            guard entries.first?.index == frontier.size else {
                problems.append(.entryAltered(index: frontier.size))
                break
            }
            var completed: [(node: TreeNode, hash: TreeHash)] = []
            for entry in entries {
                guard entry.index == frontier.size else { break }
                completed += frontier.append(.leaf(entry.entry))
                if let root = roots[frontier.size], root != frontier.root { problems.append(.checkpointBroken(size: frontier.size)) }
            }
            let nodes = completed.map(\.node)
            let stored = try await database.run { db in try await nodeHashes(nodes, in: db) }
            for (node, hash) in completed where stored[node] != hash {
                problems.append(node.level == 0 ? .entryAltered(index: node.index) : .nodeAltered(level: node.level, index: node.index))
            }
        }
        return problems
    }

    private func auditClips() async throws -> [LogProblem] {
        var problems: [LogProblem] = []
        var after: Int64 = 0
        while true {
            let start = after
            let rows = try await database.run { db in
                try await db.raw("""
                    SELECT c.id, c.status, c.product_id, c.verdict, c.score, c.content_sha256, c.log_index, e.entry, e.clip_id, e.leaf_index
                    FROM clips c LEFT JOIN log_entries e
                        ON e.leaf_index = (SELECT MAX(l.leaf_index) FROM log_entries l WHERE l.clip_id = c.id)
                    WHERE c.id > \(bind: start) AND (c.status = \(bind: ClipStatus.published.rawValue) OR c.log_index IS NOT NULL)
                    ORDER BY c.id LIMIT 1000
                    """).all()
            }
            guard let last = rows.last else { return problems }
            after = try last.decode(column: "id", as: Int64.self)
            for row in rows { problems += try Self.differences(row) }
        }
    }

    /// How one clip's row differs from its latest entry in what shoppers are shown.
    private static func differences(_ row: any SQLRow) throws -> [LogProblem] {
        let clip = try row.decode(column: "id", as: Int64.self)
        let status = try ClipStatus(stored: row.decode(column: "status", as: String.self), clip: clip)
        guard let text = try row.decode(column: "entry", as: String?.self) else {
            return status == .published ? [.clipNotLogged(clip: clip)] : []
        }
        guard let entry = try? ReviewEntry(decoding: Data(text.utf8)), entry.clip == clip,
              try row.decode(column: "clip_id", as: Int64?.self) == clip
        else { return [.clipDiffers(clip: clip, field: "log entry")] }
        var fields: [String] = []
        // Shoppers are shown the entry at the clip's log index: it must be the clip's latest,
        // or a takedown could be undone by pointing the clip back at its entry from before.
        if try row.decode(column: "log_index", as: Int64?.self) != row.decode(column: "leaf_index", as: Int64.self) { fields.append("log index") }
        if entry.isPublic != (status == .published) { fields.append("status") }
        if entry.isPublic {
            if entry.product != (try row.decode(column: "product_id", as: String.self)) { fields.append("product") }
            if entry.verdict != (try row.decode(column: "verdict", as: String?.self)).map(Verdict.init(rawValue:)) { fields.append("verdict") }
            if entry.score != (try row.decode(column: "score", as: Double?.self)).map(ReviewEntry.format(score:)) { fields.append("score") }
            if entry.clipSHA256 != (try row.decode(column: "content_sha256", as: String.self)) { fields.append("content hash") }
        }
        return fields.map { .clipDiffers(clip: clip, field: $0) }
    }
}
