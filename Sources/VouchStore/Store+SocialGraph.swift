import Foundation
import SQLKit

/// A relationship between two accounts on one platform, as the platform reports it.
public struct AccountEdge: Sendable, Hashable, Codable {
    public var from: String
    public var to: String
    /// `follows`, `friend` or `vouches-for`.
    public var kind: String

    public init(from: String, to: String, kind: String) {
        self.from = from
        self.to = to
        self.kind = kind
    }
}

/// The social graph as trust computation reads it: node pairs, and which node is which identity.
public struct StoredGraph: Sendable {
    /// Nodes are identities (accounts Vouch has seen a clip from) and accounts it has only
    /// seen in edges; `identityOfNode[n]` is nil for the latter.
    public var identityOfNode: [Int64?]
    public var edges: [(Int32, Int32)]
    /// Each known account's node, keyed by platform and account: one person's accounts on
    /// several platforms share their identity's node.
    var nodeOfAccount: [String: Int32]
    var identityNodes: [Int64: Int32]

    /// The node of an identity.
    public func identityNode(_ identity: Int64) -> Int32? {
        identityNodes[identity]
    }

    /// The node of `account` on `platform`, if the graph or a clip has seen it.
    public func node(platform: String, account: String) -> Int32? {
        nodeOfAccount["\(platform)\u{0}\(account)"]
    }
}

extension Store {
    /// Adds edges in one transaction; edges already present are left as they are.
    /// Returns how many were new. When the platform would then hold more than `limit`
    /// edges, adds none and throws ``StoreError/quotaExceeded(_:limit:)``.
    @discardableResult
    public func addEdges(_ edges: [AccountEdge], platform: String, limit: Int = .max) async throws -> Int {
        let now = nowMilliseconds
        return try await database.transaction { db in
            try await lockPlatform(platform, in: db)
            var added = 0
            for chunk in edges.chunked(into: 500) {
                var insert = db.insert(into: "social_edges").columns("platform_id", "source_account", "target_account", "kind", "created_at")
                for edge in chunk {
                    insert = insert.values(SQLBind(platform), SQLBind(edge.from), SQLBind(edge.to), SQLBind(edge.kind), SQLBind(now))
                }
                added += try await insert.ignoringConflicts(with: ["platform_id", "source_account", "target_account", "kind"])
                    .returning("kind").all().count
            }
            if added > 0, limit < .max {
                let held = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "held").from("social_edges")
                    .where("platform_id", .equal, platform).first()?.decode(column: "held", as: Int.self) ?? 0
                guard held <= limit else { throw StoreError.quotaExceeded("social edges", limit: limit) }
            }
            try await appendAudit(db, actor: "platform:\(platform)", action: "graph.edges-added", subject: "platform:\(platform)",
                                  detail: ["received": "\(edges.count)", "added": "\(added)"])
            return added
        }
    }

    /// Removes edges in one transaction; returns how many existed.
    @discardableResult
    public func removeEdges(_ edges: [AccountEdge], platform: String) async throws -> Int {
        try await database.transaction { db in
            var removed = 0
            for edge in edges {
                removed += try await db.delete(from: "social_edges").where("platform_id", .equal, platform)
                    .where("source_account", .equal, edge.from).where("target_account", .equal, edge.to).where("kind", .equal, edge.kind)
                    .returning("kind").all().count
            }
            try await appendAudit(db, actor: "platform:\(platform)", action: "graph.edges-removed", subject: "platform:\(platform)",
                                  detail: ["received": "\(edges.count)", "removed": "\(removed)"])
            return removed
        }
    }

    /// The whole graph, with accounts mapped to identities where Vouch knows them.
    public func storedGraph() async throws -> StoredGraph {
        try await database.run { db in
            var nodes: [String: Int32] = [:]
            var identityOfNode: [Int64?] = []
            var identityNodes: [Int64: Int32] = [:]
            var accountIdentity: [String: Int64] = [:]
            for row in try await db.select().columns("platform_id", "account", "identity_id").from("reviewers").all() {
                let key = "\(try row.decode(column: "platform_id", as: String.self))\u{0}\(try row.decode(column: "account", as: String.self))"
                accountIdentity[key] = try row.decode(column: "identity_id", as: Int64.self)
            }
            func node(_ platform: String, _ account: String) -> Int32 {
                let key = "\(platform)\u{0}\(account)"
                if let identity = accountIdentity[key] {
                    if let existing = identityNodes[identity] { return existing }
                    let index = Int32(identityOfNode.count)
                    identityOfNode.append(identity)
                    identityNodes[identity] = index
                    return index
                }
                if let existing = nodes[key] { return existing }
                let index = Int32(identityOfNode.count)
                identityOfNode.append(nil)
                nodes[key] = index
                return index
            }
            var edges: [(Int32, Int32)] = []
            for row in try await db.select().columns("platform_id", "source_account", "target_account").from("social_edges").all() {
                let platform = try row.decode(column: "platform_id", as: String.self)
                edges.append((node(platform, try row.decode(column: "source_account", as: String.self)),
                              node(platform, try row.decode(column: "target_account", as: String.self))))
            }
            for identity in Set(accountIdentity.values) where identityNodes[identity] == nil {
                identityNodes[identity] = Int32(identityOfNode.count)
                identityOfNode.append(identity)
            }
            for (account, identity) in accountIdentity { nodes[account] = identityNodes[identity] }
            return StoredGraph(identityOfNode: identityOfNode, edges: edges, nodeOfAccount: nodes, identityNodes: identityNodes)
        }
    }

    /// The identities trust starts from, never banned: those a moderator approved, and,
    /// on the platforms in `claimsFrom` only, long-standing accounts (older than
    /// `matureDays`) with a verified purchase, as those platforms claim.
    public func seedIdentities(matureDays: Double, claimsFrom platforms: Set<String> = []) async throws -> Set<Int64> {
        let cutoff = nowMilliseconds - Int64(matureDays * 86_400_000)
        return try await database.run { db in
            var seeds = Set<Int64>()
            for row in try await db.raw("""
                SELECT DISTINCT r.identity_id FROM moderation_decisions d
                JOIN clips c ON c.id = d.clip_id JOIN reviewers r ON r.id = c.reviewer_id
                WHERE d.action = 'approve'
                """).all() {
                seeds.insert(try row.decode(column: "identity_id", as: Int64.self))
            }
            for platform in platforms.sorted() {
                for row in try await db.raw("""
                    SELECT DISTINCT r.identity_id FROM reviewers r JOIN clips c ON c.reviewer_id = r.id
                    WHERE r.platform_id = \(bind: platform) AND r.account_created_at IS NOT NULL
                    AND r.account_created_at <= \(bind: cutoff) AND c.verified_purchase = \(bind: true)
                    """).all() {
                    seeds.insert(try row.decode(column: "identity_id", as: Int64.self))
                }
            }
            for row in try await db.select().column("id").from("identities").where("banned", .equal, true).all() {
                seeds.remove(try row.decode(column: "id", as: Int64.self))
            }
            return seeds
        }
    }

    /// Writes every identity's graph trust (0–1) in one transaction.
    public func setTrust(_ trust: [Int64: Double]) async throws {
        try await database.transaction { db in
            for (identity, value) in trust {
                try await db.update("identities").set("trust", to: SQLBind(value)).where("id", .equal, identity).run()
            }
            try await appendAudit(db, actor: "system", action: "trust.recomputed", subject: "graph", detail: ["identities": "\(trust.count)"])
        }
    }
}

extension Array {
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
