import Foundation
import SQLKit

/// What relates a shopper to some reviewers on the shopper's platform: the edges that
/// start or end at the shopper, the edges from the shopper's contacts to the reviewers,
/// and the reviewers' accounts on that platform.
public struct SocialNeighbourhood: Sendable, Equatable {
    public var edges: [AccountEdge]
    /// For each reviewer identity asked about, its accounts on the shopper's platform.
    public var accounts: [Int64: [String]]
}

extension Store {
    /// The part of `platform`'s social graph that can explain why `viewer` might trust
    /// each of `identities`: at most two steps from the viewer, ending at their accounts.
    public func socialNeighbourhood(of viewer: String, on platform: String, toward identities: Set<Int64>) async throws -> SocialNeighbourhood {
        guard !identities.isEmpty else { return SocialNeighbourhood(edges: [], accounts: [:]) }
        return try await database.run { db in
            var accounts: [Int64: [String]] = [:]
            for row in try await db.select().columns("identity_id", "account").from("reviewers")
                .where("platform_id", .equal, platform).where("identity_id", .in, Array(identities)).all() {
                accounts[try row.decode(column: "identity_id", as: Int64.self), default: []].append(try row.decode(column: "account", as: String.self))
            }
            let reviewerAccounts: [any Encodable & Sendable] = Array(Set(accounts.values.joined()))
            let contactsOfViewer: SQLQueryString = """
                SELECT target_account FROM social_edges WHERE platform_id = \(bind: platform) AND source_account = \(bind: viewer)
                UNION ALL SELECT source_account FROM social_edges WHERE platform_id = \(bind: platform) AND target_account = \(bind: viewer) AND kind = 'friend'
                """
            // One indexed part per way an edge can matter, joined by UNION ALL: one OR over the
            // platform's edges, or a UNION that SQLite merges in order, is planned as a scan of
            // every edge of the platform (0.1–0.3 s a request with a million, Docs/benchmarks.md).
            // An edge found twice is the same edge twice, which PersonalTrust does not mind.
            let edge: SQLQueryString = "SELECT source_account, target_account, kind FROM social_edges WHERE platform_id = \(bind: platform) AND "
            var query: SQLQueryString = edge + "source_account = \(bind: viewer) UNION ALL " + edge + "target_account = \(bind: viewer)"
            if !reviewerAccounts.isEmpty {
                query = query + " UNION ALL " + edge + "target_account IN (\(binds: reviewerAccounts)) AND source_account IN (\(contactsOfViewer))"
                query = query + " UNION ALL " + edge + "kind = 'friend' AND source_account IN (\(binds: reviewerAccounts)) AND target_account IN (\(contactsOfViewer))"
            }
            let rows = try await db.raw(query).all()
            let edges = try rows.map { row in
                AccountEdge(from: try row.decode(column: "source_account", as: String.self), to: try row.decode(column: "target_account", as: String.self),
                            kind: try row.decode(column: "kind", as: String.self))
            }
            return SocialNeighbourhood(edges: edges, accounts: accounts)
        }
    }
}
