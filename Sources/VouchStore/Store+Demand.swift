import Foundation
import SQLKit
import VouchIdentity

extension Store {
    /// Records a platform's events in one transaction; returns, per event, whether it was
    /// new (false: the platform had sent that event id before, and it is left as it was).
    public func addDemandEvents(_ events: [DemandEvent], platform: String) async throws -> [Bool] {
        try await database.transaction { db in
            var fresh: [Bool] = []
            fresh.reserveCapacity(events.count)
            for event in events {
                let inserted = try await db.insert(into: "demand_events")
                    .columns("platform_id", "event_id", "account", "product", "kind", "at", "quantity")
                    .values(SQLBind(platform), SQLBind(event.id), SQLBind(event.account), SQLBind(event.product),
                            SQLBind(event.kind.rawValue), SQLBind(event.at.storeMilliseconds), SQLBind(Int64(event.quantity)))
                    .ignoringConflicts(with: ["platform_id", "event_id"]).returning("event_id").first()
                fresh.append(inserted != nil)
            }
            return fresh
        }
    }

    /// Every event at or after `since`, for the recomputation.
    public func demandEvents(since: Date) async throws -> [StoredDemandEvent] {
        try await database.run { db in
            try await db.select().columns("platform_id", "account", "product", "kind", "at", "quantity").from("demand_events")
                .where("at", .greaterThanOrEqual, since.storeMilliseconds).all().compactMap { row in
                    guard let kind = DemandKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
                    return StoredDemandEvent(platform: try row.decode(column: "platform_id", as: String.self),
                                             account: try row.decode(column: "account", as: String.self),
                                             product: try row.decode(column: "product", as: String.self), kind: kind,
                                             at: try row.decode(column: "at", as: Int64.self),
                                             quantity: Int(try row.decode(column: "quantity", as: Int64.self)))
                }
        }
    }

    /// Replaces every window's totals and anomalies with a recomputation's, in one transaction.
    public func replaceDemand(_ windows: [DemandWindowResult]) async throws {
        let now = nowMilliseconds
        try await database.transaction { db in
            try await db.delete(from: "demand_totals").run()
            try await db.delete(from: "demand_anomalies").run()
            for window in windows {
                for chunk in window.totals.chunked(into: 500) {
                    var insert = db.insert(into: "demand_totals").columns("window_days", "product", "kind", "raw", "trusted", "people", "trusted_people")
                    for totals in chunk {
                        insert = insert.values(SQLBind(Int64(window.days)), SQLBind(totals.product), SQLBind(totals.kind.rawValue),
                                               SQLBind(totals.tally.raw), SQLBind(totals.tally.trusted), SQLBind(Int64(totals.tally.people)),
                                               SQLBind(totals.tally.trustedPeople))
                    }
                    try await insert.run()
                }
                for anomaly in window.anomalies {
                    try await db.insert(into: "demand_anomalies")
                        .columns("window_days", "product", "kind", "from_at", "to_at", "people", "low_trust_people", "sample")
                        .values(SQLBind(Int64(window.days)), SQLBind(anomaly.product), SQLBind(anomaly.kind.rawValue),
                                SQLBind(anomaly.from.storeMilliseconds), SQLBind(anomaly.to.storeMilliseconds), SQLBind(Int64(anomaly.people)),
                                SQLBind(Int64(anomaly.lowTrustPeople)), SQLBind(anomaly.sample.joined(separator: "\n"))).run()
                }
            }
            try await db.insert(into: "demand_state").columns("name", "computed_at").values(SQLBind("demand"), SQLBind(now))
                .onConflict(with: ["name"]) { try $0.set("computed_at", to: SQLBind(now)) }.run()
        }
    }

    /// When demand was last recomputed, if ever.
    public func demandComputedAt() async throws -> Date? {
        try await database.run { db in
            try await db.select().column("computed_at").from("demand_state").where("name", .equal, "demand").first()
                .map { Date(storeMilliseconds: try $0.decode(column: "computed_at", as: Int64.self)) }
        }
    }

    /// One product's totals by kind and its anomalies, over a window of `days`.
    public func demand(product: String, days: Int) async throws -> (totals: [DemandTotals], anomalies: [DemandAnomaly]) {
        try await database.run { db in
            let totals = try await db.select().columns("product", "kind", "raw", "trusted", "people", "trusted_people").from("demand_totals")
                .where("window_days", .equal, Int64(days)).where("product", .equal, product).all().compactMap(Self.totals)
            let anomalies = try await db.select().columns("product", "kind", "from_at", "to_at", "people", "low_trust_people", "sample")
                .from("demand_anomalies").where("window_days", .equal, Int64(days)).where("product", .equal, product)
                .orderBy("from_at").all().compactMap(Self.anomaly)
            return (totals.sorted { $0.kind < $1.kind }, anomalies)
        }
    }

    /// Products ranked by trusted (or raw) demand of one kind over a window.
    public func demandRanking(kind: DemandKind, days: Int, byTrusted: Bool, limit: Int) async throws -> [DemandTotals] {
        try await database.run { db in
            try await db.select().columns("product", "kind", "raw", "trusted", "people", "trusted_people").from("demand_totals")
                .where("window_days", .equal, Int64(days)).where("kind", .equal, kind.rawValue)
                .orderBy(byTrusted ? "trusted" : "raw", .descending).orderBy("product").limit(limit).all().compactMap(Self.totals)
        }
    }

    private static func totals(_ row: any SQLRow) throws -> DemandTotals? {
        guard let kind = DemandKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
        var tally = DemandTally()
        tally.raw = try row.decode(column: "raw", as: Int64.self)
        tally.trusted = try row.decode(column: "trusted", as: Double.self)
        tally.people = Int(try row.decode(column: "people", as: Int64.self))
        tally.trustedPeople = try row.decode(column: "trusted_people", as: Double.self)
        return DemandTotals(product: try row.decode(column: "product", as: String.self), kind: kind, tally: tally)
    }

    private static func anomaly(_ row: any SQLRow) throws -> DemandAnomaly? {
        guard let kind = DemandKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
        let sample = try row.decode(column: "sample", as: String.self)
        return DemandAnomaly(product: try row.decode(column: "product", as: String.self), kind: kind,
                             from: Date(storeMilliseconds: try row.decode(column: "from_at", as: Int64.self)),
                             to: Date(storeMilliseconds: try row.decode(column: "to_at", as: Int64.self)),
                             people: Int(try row.decode(column: "people", as: Int64.self)),
                             lowTrustPeople: Int(try row.decode(column: "low_trust_people", as: Int64.self)),
                             sample: sample.isEmpty ? [] : sample.components(separatedBy: "\n"))
    }
}

extension Store {
    /// The identities whose demand counts nothing: banned ones, and those whose clips were
    /// flagged as part of a review ring.
    public func demandExcludedIdentities() async throws -> Set<Int64> {
        try await database.run { db in
            var excluded = Set<Int64>()
            for row in try await db.select().column("id").from("identities").where("banned", .equal, true).all() {
                excluded.insert(try row.decode(column: "id", as: Int64.self))
            }
            for row in try await db.raw("""
                SELECT DISTINCT r.identity_id FROM clip_flags f JOIN clips c ON c.id = f.clip_id JOIN reviewers r ON r.id = c.reviewer_id
                WHERE f.kind = 'ring'
                """).all() {
                excluded.insert(try row.decode(column: "identity_id", as: Int64.self))
            }
            return excluded
        }
    }
}
