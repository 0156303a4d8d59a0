import Foundation
import SQLKit
import VouchIdentity
import VouchModel

extension Store {
    /// Records a platform's events in one transaction, 500 rows to a statement; returns, per
    /// event, whether it was new (false: the platform had sent that event id before, and it
    /// is left as it was). Ids must be distinct within one call.
    public func addDemandEvents(_ events: [DemandEvent], platform: String) async throws -> [Bool] {
        let inserted = try await database.transaction { db in
            var inserted = Set<String>()
            for chunk in events.chunked(into: 500) {
                var insert = db.insert(into: "demand_events").columns("platform_id", "event_id", "account", "product", "kind", "at", "quantity")
                for event in chunk {
                    insert = insert.values(SQLBind(platform), SQLBind(event.id), SQLBind(event.account), SQLBind(event.product),
                                           SQLBind(event.kind.rawValue), SQLBind(event.at.storeMilliseconds), SQLBind(Int64(event.quantity)))
                }
                for row in try await insert.ignoringConflicts(with: ["platform_id", "event_id"]).returning("event_id").all() {
                    inserted.insert(try row.decode(column: "event_id", as: String.self))
                }
            }
            return inserted
        }
        return events.map { inserted.contains($0.id) }
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

    /// Replaces every window's totals and anomalies, the daily series and the communities
    /// with a recomputation's, in one transaction.
    public func replaceDemand(_ windows: [DemandWindowResult], daily: [DemandDay] = [], community: [DemandCommunity] = []) async throws {
        let now = nowMilliseconds
        try await database.transaction { db in
            for table in ["demand_totals", "demand_anomalies", "demand_daily", "demand_community"] { try await db.delete(from: table).run() }
            for chunk in daily.chunked(into: 500) {
                var insert = db.insert(into: "demand_daily").columns("product", "day", "kind", "raw", "trusted")
                for day in chunk {
                    insert = insert.values(SQLBind(day.product), SQLBind(day.day.storeMilliseconds), SQLBind(day.kind.rawValue), SQLBind(day.raw), SQLBind(day.trusted))
                }
                try await insert.run()
            }
            for chunk in community.chunked(into: 500) {
                var insert = db.insert(into: "demand_community").columns("product", "reach", "trusted_reach", "core", "core_signals")
                for entry in chunk {
                    insert = insert.values(SQLBind(entry.product), SQLBind(Int64(entry.reach)), SQLBind(entry.trustedReach),
                                           SQLBind(Int64(entry.core)), SQLBind(entry.coreSignals))
                }
                try await insert.run()
            }
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

    static func totals(_ row: any SQLRow) throws -> DemandTotals? {
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
                WHERE f.kind = \(bind: FlagKind.ring.rawValue)
                """).all() {
                excluded.insert(try row.decode(column: "identity_id", as: Int64.self))
            }
            return excluded
        }
    }
}

extension Store {
    /// A product's daily series of one kind, oldest first.
    public func demandDays(product: String, kind: DemandKind) async throws -> [DemandDay] {
        try await database.run { db in
            try await db.select().columns("day", "raw", "trusted").from("demand_daily").where("product", .equal, product)
                .where("kind", .equal, kind.rawValue).orderBy("day").all().map { row in
                    DemandDay(product: product, day: Date(storeMilliseconds: try row.decode(column: "day", as: Int64.self)), kind: kind,
                              raw: try row.decode(column: "raw", as: Int64.self), trusted: try row.decode(column: "trusted", as: Double.self))
                }
        }
    }

    /// The communities of `products` (every product with demand when nil).
    public func demandCommunities(products: [String]?) async throws -> [DemandCommunity] {
        try await database.run { db in
            var query = db.select().columns("product", "reach", "trusted_reach", "core", "core_signals").from("demand_community")
            if let products {
                guard !products.isEmpty else { return [] }
                query = query.where("product", .in, SQLBind.group(products))
            }
            return try await query.orderBy("product").limit(1000).all().map { row in
                DemandCommunity(product: try row.decode(column: "product", as: String.self), reach: Int(try row.decode(column: "reach", as: Int64.self)),
                                trustedReach: try row.decode(column: "trusted_reach", as: Double.self), core: Int(try row.decode(column: "core", as: Int64.self)),
                                coreSignals: try row.decode(column: "core_signals", as: Int64.self))
            }
        }
    }

    /// The products a merchant account may see.
    public func merchantProducts(_ merchant: String) async throws -> [String] {
        try await database.run { db in
            try await db.select().column("product").from("merchant_products").where("merchant", .equal, merchant).orderBy("product").all()
                .map { try $0.decode(column: "product", as: String.self) }
        }
    }

    /// Gives a merchant account its products (replacing any it had), audited.
    public func setMerchantProducts(_ merchant: String, products: [String], by actor: String) async throws {
        try await changeRegistry(actor: actor, action: "merchant.products-set", subject: "moderator:\(merchant)",
                                 detail: ["products": products.joined(separator: ",")]) { db, _ in
            try await db.delete(from: "merchant_products").where("merchant", .equal, merchant).run()
            for product in Set(products).sorted() {
                try await db.insert(into: "merchant_products").columns("merchant", "product").values(SQLBind(merchant), SQLBind(product)).run()
            }
        }
    }

    /// The reviewers' identities per product with a published review: core community members.
    public func reviewingIdentities() async throws -> [String: Set<Int64>] {
        try await database.run { db in
            var result: [String: Set<Int64>] = [:]
            for row in try await db.raw("""
                SELECT DISTINCT c.product_id, r.identity_id FROM clips c JOIN reviewers r ON r.id = c.reviewer_id WHERE c.status = \(bind: ClipStatus.published.rawValue)
                """).all() {
                result[try row.decode(column: "product_id", as: String.self), default: []].insert(try row.decode(column: "identity_id", as: Int64.self))
            }
            return result
        }
    }
}

extension Store {
    /// Every total of a window, for `products` (all when nil), by product then kind.
    public func demandTotals(days: Int, products: [String]?) async throws -> [DemandTotals] {
        try await database.run { db in
            var query = db.select().columns("product", "kind", "raw", "trusted", "people", "trusted_people").from("demand_totals")
                .where("window_days", .equal, Int64(days))
            if let products {
                guard !products.isEmpty else { return [] }
                query = query.where("product", .in, SQLBind.group(products))
            }
            return try await query.orderBy("product").limit(10_000).all().compactMap(Self.totals).sorted { ($0.product, $0.kind) < ($1.product, $1.kind) }
        }
    }
}

extension Store {
    /// A product's published reviews per week since `since`, all beside trusted reviewers'.
    public func reviewWeeks(product: String, since: Date) async throws -> [ReviewWeek] {
        let rows = try await database.run { db in
            try await db.raw("""
                SELECT c.created_at, c.score, i.trust FROM clips c JOIN reviewers r ON r.id = c.reviewer_id JOIN identities i ON i.id = r.identity_id
                WHERE c.product_id = \(bind: product) AND c.status = \(bind: ClipStatus.published.rawValue) AND c.created_at >= \(bind: since.storeMilliseconds)
                """).all().map { row in
                    (at: try row.decode(column: "created_at", as: Int64.self), score: try row.decode(column: "score", as: Double?.self) ?? 0,
                     trusted: try row.decode(column: "trust", as: Double.self) >= 0.5)
                }
        }
        let week: Int64 = 7 * 86_400_000
        return Dictionary(grouping: rows) { $0.at / week }.sorted { $0.key < $1.key }.map { start, reviews in
            let trusted = reviews.filter(\.trusted)
            func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
            return ReviewWeek(start: Date(storeMilliseconds: start * week), reviews: reviews.count, meanScore: mean(reviews.map(\.score)),
                              trustedReviews: trusted.count, trustedMeanScore: mean(trusted.map(\.score)))
        }
    }
}
