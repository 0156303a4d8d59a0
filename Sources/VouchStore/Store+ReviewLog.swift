import Crypto
import Foundation
import SQLKit
import VouchEncoding
import VouchLog
import VouchModel
import VouchProvenance

extension Store {
    /// Appends `entries` to the review log as one batch, in one transaction; returns the
    /// leaf index of each. What a bulk import or a benchmark uses; the pipeline and the
    /// moderators append through their own transactions.
    @discardableResult
    public func appendToLog(_ entries: [Data]) async throws -> [Int64] {
        let now = nowMilliseconds
        return try await database.transaction { db in
            try await appendToLog(entries.map { (entry: $0, clip: nil) }, in: db, now: now)
        }
    }

    /// Once in a store's life, when the review log is new: a `published` entry for every
    /// clip shoppers could already see, so that a store upgraded to the log has every
    /// review provable. After that, clips are logged only as they change, so a clip
    /// published behind the store's back later is never legitimised by a restart.
    func backfillReviewLog() async throws {
        let now = nowMilliseconds
        let lock = database.engine == .postgres ? " FOR UPDATE" : ""
        try await database.transaction { db in
            guard let head = try await db.raw("SELECT backfilled FROM log_head WHERE id = 1\(unsafeRaw: lock)").first(),
                  try head.decode(column: "backfilled", as: Bool.self) == false
            else { return }
            let published = try await db.select().column("id").from("clips").where("status", .equal, ClipStatus.published.rawValue)
                .where("log_index", .is, SQLLiteral.null).orderBy("id").all().map { try $0.decode(column: "id", as: Int64.self) }
            for clip in published { try await logChange(of: clip, .published, in: db, now: now) }
            try await db.update("log_head").set("backfilled", to: SQLBind(true)).where("id", .equal, 1).run()
            if !published.isEmpty {
                try await appendAudit(db, actor: "system", action: "log.backfilled", subject: "log", detail: ["clips": "\(published.count)"])
            }
        }
    }

    /// Inside a transaction, records what just became of `clip` as a new leaf, and makes
    /// it the clip's latest entry.
    func logChange(of clip: Int64, _ event: ReviewEntry.Event, decision: String? = nil, in db: any SQLDatabase, now: Int64) async throws {
        guard let row = try await db.raw("""
            SELECT c.status, c.content_sha256, c.fingerprint, c.product_id, c.verdict, c.score, c.platform_id, c.provenance,
                   c.rating, c.title, c.review_text, c.language, c.disclosures, c.review_sha256, c.captions_sha256,
                   r.id AS reviewer_id, r.account, r.binding_salt
            FROM clips c JOIN reviewers r ON r.id = c.reviewer_id WHERE c.id = \(bind: clip)
            """).first()
        else { throw StoreError.notFound("clip \(clip)") }
        var salt = try row.decode(column: "binding_salt", as: Data?.self)
        if salt == nil {
            let fresh = RandomSecret.bytes(32)
            try await db.update("reviewers").set("binding_salt", to: SQLBind(fresh))
                .where("id", .equal, try row.decode(column: "reviewer_id", as: Int64.self)).run()
            salt = fresh
        }
        let binding = SHA256.hash(data: (salt ?? Data()) + Data(try row.decode(column: "platform_id", as: String.self).utf8) + [0]
            + Data(try row.decode(column: "account", as: String.self).utf8))
        let entry = ReviewEntry(
            event: event, status: try ClipStatus(stored: row.decode(column: "status", as: String.self), clip: clip), decision: decision, clip: clip,
            clipSHA256: try row.decode(column: "content_sha256", as: String.self),
            fingerprintSHA256: try row.decode(column: "fingerprint", as: Data?.self).map { SHA256.hash(data: $0).hexEncodedString },
            reviewerBinding: binding.hexEncodedString, product: try row.decode(column: "product_id", as: String.self),
            verdict: try row.decode(column: "verdict", as: String?.self).map(Verdict.init(rawValue:)), score: try row.decode(column: "score", as: Double?.self),
            provenance: try StoredJSON.decode(Provenance.self, from: row.decode(column: "provenance", as: String?.self), what: "provenance of clip \(clip)")?
                .state.rawValue,
            words: try Self.loggedWords(row, clip: clip),
            time: Date(storeMilliseconds: now))
        let index = try await appendToLog([(entry: entry.encoded(), clip: clip)], in: db, now: now)[0]
        try await db.update("clips").set("log_index", to: SQLBind(index)).where("id", .equal, clip).run()
    }

    /// The words a clip's row holds, as its log entry records them; nil for a clip uploaded alone.
    static func loggedWords(_ row: any SQLRow, clip: Int64) throws -> LoggedWords? {
        guard let reviewSHA256 = try row.decode(column: "review_sha256", as: String?.self),
              let words = try ReviewWords(row: row, clip: clip)
        else { return nil }
        return LoggedWords(words: words, reviewSHA256: reviewSHA256, captionsSHA256: try row.decode(column: "captions_sha256", as: String?.self))
    }

    /// The append itself: takes the head (locked on PostgreSQL, so appends from every
    /// process are serialised), extends the frontier, and writes the leaves, every node
    /// they complete and the new size.
    func appendToLog(_ entries: [(entry: Data, clip: Int64?)], in db: any SQLDatabase, now: Int64) async throws -> [Int64] {
        guard !entries.isEmpty else { return [] }
        let size = try await headSize(in: db, locking: true)
        var frontier = try await frontier(size: size, in: db)
        var completed: [(node: TreeNode, hash: TreeHash)] = []
        for item in entries { completed += frontier.append(.leaf(item.entry)) }
        for (offset, chunk) in entries.chunked(into: 500).enumerated() {
            var insert = db.insert(into: "log_entries").columns("leaf_index", "clip_id", "entry", "created_at")
            for (position, item) in chunk.enumerated() {
                insert = insert.values(SQLBind(size + Int64(offset * 500 + position)), SQLBind(item.clip),
                                       SQLBind(String(decoding: item.entry, as: UTF8.self)), SQLBind(now))
            }
            try await insert.run()
        }
        try await store(completed, in: db)
        try await db.update("log_head").set("size", to: SQLBind(frontier.size)).where("id", .equal, 1).run()
        return Array(size..<frontier.size)
    }

    /// The log's size now.
    public func logSize() async throws -> Int64 {
        try await database.run { db in try await headSize(in: db, locking: false) }
    }

    /// The log's size and root hash now, for the next checkpoint.
    public func logHead() async throws -> (size: Int64, root: TreeHash) {
        try await database.run { db in
            let frontier = try await frontier(size: try await headSize(in: db, locking: false), in: db)
            return (frontier.size, frontier.root)
        }
    }

    /// The size in the log's head row; `locking` holds the row (on PostgreSQL) until the
    /// transaction ends, which serialises appends from every process.
    private func headSize(in db: any SQLDatabase, locking: Bool) async throws -> Int64 {
        let lock = locking && database.engine == .postgres ? " FOR UPDATE" : ""
        guard let head = try await db.raw("SELECT size FROM log_head WHERE id = 1\(unsafeRaw: lock)").first() else {
            throw StoreError.corruptRecord("the review log has no head")
        }
        return try head.decode(column: "size", as: Int64.self)
    }

    /// The proof that leaf `index` is in the tree of `treeSize` leaves.
    public func inclusionProof(leaf index: Int64, treeSize: Int64) async throws -> InclusionProof {
        try await checkWithinLog(index < treeSize && index >= 0, size: treeSize, "leaf \(index) is not in a tree of \(treeSize)")
        let ranges = TreeShape.inclusionPath(leaf: index, treeSize: treeSize)
        return InclusionProof(leafIndex: index, treeSize: treeSize, hashes: try await hashes(of: ranges))
    }

    /// The proof that the tree of `oldSize` leaves is a prefix of the tree of `newSize`.
    public func consistencyProof(from oldSize: Int64, to newSize: Int64) async throws -> ConsistencyProof {
        try await checkWithinLog(oldSize > 0 && oldSize <= newSize, size: newSize, "no consistency proof from \(oldSize) to \(newSize)")
        let ranges = oldSize == newSize ? [] : TreeShape.consistencyPath(from: oldSize, to: newSize)
        return ConsistencyProof(oldSize: oldSize, newSize: newSize, hashes: try await hashes(of: ranges))
    }

    /// Leaves `start ..< start + limit` (as many as exist), with their bytes.
    public func logEntries(from start: Int64, limit: Int) async throws -> [LoggedEntry] {
        let (end, overflow) = start.addingReportingOverflow(Int64(max(0, limit)))
        return try await database.run { db in
            try await db.select().columns("leaf_index", "entry").from("log_entries")
                .where("leaf_index", .greaterThanOrEqual, start).where("leaf_index", .lessThan, overflow ? Int64.max : end)
                .orderBy("leaf_index").all().map { row in
                    LoggedEntry(index: try row.decode(column: "leaf_index", as: Int64.self),
                                entry: Data(try row.decode(column: "entry", as: String.self).utf8))
                }
        }
    }

    /// Records a signed checkpoint; a second one for the same size is ignored (Ed25519 is
    /// deterministic, so two processes signing the same head write the same note).
    public func saveCheckpoint(_ checkpoint: Checkpoint, note: String, verifier: NoteVerifier) async throws {
        let now = nowMilliseconds
        try await database.transaction { db in
            let head = try await db.select().column("verifier").from("log_head").where("id", .equal, 1).first()
            let known = try head?.decode(column: "verifier", as: String?.self)
            guard known == nil || known == verifier.encoded else { throw LogError.foreignKey(configured: verifier.encoded, recorded: known ?? "") }
            if known == nil {
                try await db.update("log_head").set("verifier", to: SQLBind(verifier.encoded)).where("id", .equal, 1).run()
            }
            try await db.insert(into: "log_checkpoints").columns("tree_size", "root", "note", "created_at")
                .values(SQLBind(checkpoint.size), SQLBind(Data(checkpoint.root.bytes)), SQLBind(note), SQLBind(now))
                .ignoringConflicts(with: ["tree_size"]).run()
        }
    }

    /// The newest signed checkpoint, if any has been signed.
    public func latestCheckpoint() async throws -> SignedCheckpoint? {
        try await database.run { db in
            try await db.select().columns("tree_size", "note").from("log_checkpoints").orderBy("tree_size", .descending).limit(1).first()
                .map { SignedCheckpoint(size: try $0.decode(column: "tree_size", as: Int64.self), note: try $0.decode(column: "note", as: String.self)) }
        }
    }

    /// The log's public key, as recorded by the first checkpoint signed.
    public func logVerifier() async throws -> String? {
        try await database.run { db in
            try await db.select().column("verifier").from("log_head").where("id", .equal, 1).first()
                .flatMap { try $0.decode(column: "verifier", as: String?.self) }
        }
    }

    private func checkWithinLog(_ condition: Bool, size: Int64, _ message: String) async throws {
        guard condition else { throw LogError.outOfRange(message) }
        guard size > (await logCache.knownSize) else { return }
        let current = try await logSize()
        await logCache.saw(size: current)
        guard size <= current else { throw LogError.outOfRange("the log has \(current) entries, not \(size)") }
    }

    private func hashes(of ranges: [Range<Int64>]) async throws -> [TreeHash] {
        let nodes = TreeShape.subtrees(coveringEach: ranges)
        if !(await logCache.isWarm) {
            let upper = try await database.run { db in
                try await db.select().columns("node_key", "hash").from("log_nodes").all().reduce(into: [TreeNode: TreeHash]()) { found, row in
                    found[TreeNode(key: try row.decode(column: "node_key", as: Int64.self))] = TreeHash(bytes: try row.decode(column: "hash", as: Data.self))
                }
            }
            await logCache.warm(with: upper)
        }
        var known = await logCache.hashes(of: nodes)
        let missing = nodes.filter { known[$0] == nil }
        let read = try await database.run { db in try await nodeHashes(missing, in: db) }
        await logCache.remember(read)
        known.merge(read) { cached, _ in cached }
        return try ranges.map { range in
            guard let hash = TreeShape.hash(of: range, from: known) else { throw StoreError.corruptRecord("the log's nodes for leaves \(range)") }
            return hash
        }
    }

    func frontier(size: Int64, in db: any SQLDatabase) async throws -> TreeFrontier {
        guard let frontier = TreeFrontier(size: size, hashes: try await nodeHashes(TreeShape.subtrees(covering: 0..<size), in: db)) else {
            throw StoreError.corruptRecord("the log's right edge at size \(size)")
        }
        return frontier
    }

    /// Writes newly completed nodes: the lower levels into their blocks' tiles, the upper
    /// ones as rows of their own.
    private func store(_ completed: [(node: TreeNode, hash: TreeHash)], in db: any SQLDatabase) async throws {
        let lower = completed.filter { LogTile.holds($0.node) }
        var tiles = try await self.tiles(Set(lower.map { LogTile.block(of: $0.node) }), in: db)
        for (node, hash) in lower { tiles[LogTile.block(of: node), default: LogTile()].set(hash, of: node) }
        for chunk in tiles.sorted(by: { $0.key < $1.key }).chunked(into: 100) {
            var upsert = db.insert(into: "log_tiles").columns("block", "hashes")
            for (block, tile) in chunk { upsert = upsert.values(SQLBind(block), SQLBind(Data(tile.bytes))) }
            try await upsert.onConflict(with: ["block"]) { $0.set(excludedValueOf: "hashes") }.run()
        }
        for chunk in completed.filter({ !LogTile.holds($0.node) }).chunked(into: 1000) {
            var insert = db.insert(into: "log_nodes").columns("node_key", "hash")
            for item in chunk { insert = insert.values(SQLBind(item.node.key), SQLBind(Data(item.hash.bytes))) }
            try await insert.run()
        }
    }

    private func tiles(_ blocks: Set<Int64>, in db: any SQLDatabase) async throws -> [Int64: LogTile] {
        try await stored(blocks: Array(blocks), keys: [], in: db).tiles
    }

    /// The stored hashes of `nodes`, from their tiles and rows; a node never stored is absent.
    func nodeHashes(_ nodes: [TreeNode], in db: any SQLDatabase) async throws -> [TreeNode: TreeHash] {
        let lower = nodes.filter(LogTile.holds)
        let upper = nodes.filter { !LogTile.holds($0) }
        let found = try await stored(blocks: Array(Set(lower.map(LogTile.block(of:)))), keys: upper.map(\.key), in: db)
        var hashes: [TreeNode: TreeHash] = [:]
        for node in lower {
            if let hash = found.tiles[LogTile.block(of: node)]?.hash(of: node) { hashes[node] = hash }
        }
        for node in upper {
            if let hash = found.nodes[node.key] { hashes[node] = hash }
        }
        return hashes
    }

    /// Tiles and upper-node rows, both in one statement per 500 of each: a proof is one
    /// round trip to the database.
    private func stored(blocks: [Int64], keys: [Int64], in db: any SQLDatabase) async throws -> (tiles: [Int64: LogTile], nodes: [Int64: TreeHash]) {
        var tiles: [Int64: LogTile] = [:]
        var nodes: [Int64: TreeHash] = [:]
        let blockChunks = blocks.chunked(into: 500)
        let keyChunks = keys.chunked(into: 500)
        for round in 0..<max(blockChunks.count, keyChunks.count) {
            var parts: [SQLQueryString] = []
            if round < blockChunks.count {
                parts.append("SELECT 0 AS tile, block AS id, hashes AS bytes FROM log_tiles WHERE block IN (\(binds: Array(blockChunks[round])))")
            }
            if round < keyChunks.count {
                parts.append("SELECT 1 AS tile, node_key AS id, hash AS bytes FROM log_nodes WHERE node_key IN (\(binds: Array(keyChunks[round])))")
            }
            var query = parts[0]
            if parts.count == 2 { query = "\(query) UNION ALL \(parts[1])" }
            for row in try await db.raw(query).all() {
                let id = try row.decode(column: "id", as: Int64.self)
                let bytes = try row.decode(column: "bytes", as: Data.self)
                if try row.decode(column: "tile", as: Int.self) == 0 {
                    if let tile = LogTile(bytes: Array(bytes)) { tiles[id] = tile }
                } else if let hash = TreeHash(bytes: bytes) {
                    nodes[id] = hash
                }
            }
        }
        return (tiles, nodes)
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
