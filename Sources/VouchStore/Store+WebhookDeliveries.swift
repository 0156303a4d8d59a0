import Foundation
import SQLKit
import VouchEncoding
import VouchModel

/// The body of every webhook delivery: which event, when, and the clip as it now stands.
struct WebhookPayload: Encodable {
    struct Clip: Encodable {
        var id: Int64
        var product: String
        var status: ClipStatus
        var verdict: Verdict?
        var score: Double?
    }

    var id: String
    var event: String
    var createdAt: Date
    var clip: Clip
}

extension Store {
    /// Inside the transaction that changed a clip's status, queues one delivery per webhook
    /// of the clip's platform subscribed to the change: the outbox pattern, so an event is
    /// sent if and only if the change committed.
    func enqueueWebhookDeliveries(clip id: Int64, in db: any SQLDatabase, now: Int64) async throws {
        guard let row = try await db.select().columns("platform_id", "product_id", "status", "verdict", "score").from("clips")
            .where("id", .equal, id).first() else { return }
        guard let status = ClipStatus(rawValue: try row.decode(column: "status", as: String.self)), let event = WebhookEvent(status: status) else { return }
        let payload = WebhookPayload(
            id: UUID().uuidString.lowercased(), event: event.rawValue, createdAt: Date(storeMilliseconds: now),
            clip: .init(id: id, product: try row.decode(column: "product_id", as: String.self), status: status,
                        verdict: try row.decode(column: "verdict", as: String?.self).map(Verdict.init(rawValue:)), score: try row.decode(column: "score", as: Double?.self)))
        try await enqueue(event, payload: payload, platform: try row.decode(column: "platform_id", as: String.self), in: db, now: now)
    }

    /// Queues one delivery of `payload` per webhook of `platform` subscribed to `event`,
    /// inside the caller's transaction.
    func enqueue(_ event: WebhookEvent, payload: some Encodable, platform: String, in db: any SQLDatabase, now: Int64) async throws {
        let subscribed = try await db.select().columns("id", "events").from("webhooks").where("platform_id", .equal, platform).all()
            .filter { try $0.decode(column: "events", as: String.self).split(separator: ",").contains(Substring(event.rawValue)) }
        guard !subscribed.isEmpty else { return }
        let body = try JSONEncoder.answer.text(of: payload)
        for webhook in subscribed {
            try await db.insert(into: "webhook_deliveries").columns("webhook_id", "event", "payload", "state", "attempts", "next_attempt_at", "created_at")
                .values(SQLBind(try webhook.decode(column: "id", as: Int64.self)), SQLBind(event.rawValue), SQLBind(body),
                        SQLBind(DeliveryLogEntry.State.pending.rawValue), SQLBind(0), SQLBind(now), SQLBind(now))
                .run()
        }
    }

    /// Takes up to `limit` due deliveries for one attempt each. A taken delivery is not due
    /// again for `leaseSeconds`, so a process that dies mid-attempt delays it, never loses it;
    /// receivers must expect an event more than once (its `id` tells).
    public func claimDeliveries(limit: Int, leaseSeconds: Double) async throws -> [PendingDelivery] {
        let now = nowMilliseconds
        let leased = now + Int64(leaseSeconds * 1000)
        let lock = database.engine == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await database.transaction { db in
            let claimed = try await db.raw("""
                UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = \(bind: leased)
                WHERE id IN (
                  SELECT id FROM webhook_deliveries WHERE state = 'pending' AND next_attempt_at <= \(bind: now)
                  ORDER BY next_attempt_at, id LIMIT \(bind: max(1, limit))\(unsafeRaw: lock)
                )
                RETURNING id
                """).all().map { try $0.decode(column: "id", as: Int64.self) }
            guard !claimed.isEmpty else { return [] }
            return try await db.raw("""
                SELECT d.id, d.webhook_id, d.event, d.payload, d.attempts, w.url, w.secret
                FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                WHERE d.id IN (\(binds: claimed)) ORDER BY d.id
                """).all().map { row in
                let text = try row.decode(column: "event", as: String.self)
                guard let event = WebhookEvent(rawValue: text) else { throw StoreError.corruptRecord("webhook event '\(text)'") }
                return PendingDelivery(id: try row.decode(column: "id", as: Int64.self), webhookID: try row.decode(column: "webhook_id", as: Int64.self),
                                       url: try row.decode(column: "url", as: String.self), secret: try secrets.open(try row.decode(column: "secret", as: String.self)),
                                       event: event, payload: try row.decode(column: "payload", as: String.self),
                                       attempt: try row.decode(column: "attempts", as: Int.self))
            }
        }
    }

    /// Logs an attempt and settles the delivery: delivered on a 2xx, otherwise due again at
    /// `retryAt`, or failed for good when that is nil.
    public func record(_ result: DeliveryResult, of delivery: PendingDelivery, retryAt: Date?) async throws {
        let now = nowMilliseconds
        let state: DeliveryLogEntry.State = result.delivered ? .delivered : retryAt == nil ? .failed : .pending
        let milliseconds = Double(result.duration.components.seconds) * 1000 + Double(result.duration.components.attoseconds) / 1e15
        try await database.transaction { db in
            try await db.insert(into: "webhook_attempts").columns("delivery_id", "attempt", "at", "status_code", "error", "duration_ms")
                .values(SQLBind(delivery.id), SQLBind(delivery.attempt), SQLBind(now), SQLBind(result.statusCode), SQLBind(result.error), SQLBind(milliseconds))
                .run()
            var update = db.update("webhook_deliveries").set("state", to: SQLBind(state.rawValue))
            if state == .pending, let retryAt {
                update = update.set("next_attempt_at", to: SQLBind(retryAt.storeMilliseconds))
            } else {
                update = update.set("finished_at", to: SQLBind(now))
            }
            try await update.where("id", .equal, delivery.id).run()
        }
    }

    /// A webhook's deliveries, newest first, each with its attempts: the delivery log.
    public func deliveryLog(webhook id: Int64, limit: Int = 50) async throws -> [DeliveryLogEntry] {
        try await database.run { db in
            var entries = try await db.select().columns("id", "event", "state", "created_at", "finished_at").from("webhook_deliveries")
                .where("webhook_id", .equal, id).orderBy("id", .descending).limit(limit).all().map { row in
                    let event = try row.decode(column: "event", as: String.self)
                    let state = try row.decode(column: "state", as: String.self)
                    guard let kind = WebhookEvent(rawValue: event), let settled = DeliveryLogEntry.State(rawValue: state) else {
                        throw StoreError.corruptRecord("webhook delivery \(event) \(state)")
                    }
                    return DeliveryLogEntry(id: try row.decode(column: "id", as: Int64.self), event: kind, state: settled,
                                            createdAt: Date(storeMilliseconds: try row.decode(column: "created_at", as: Int64.self)),
                                            finishedAt: try row.decode(column: "finished_at", as: Int64?.self).map(Date.init(storeMilliseconds:)),
                                            attempts: [])
                }
            guard !entries.isEmpty else { return [] }
            var attempts: [Int64: [DeliveryLogEntry.Attempt]] = [:]
            for row in try await db.select().columns("delivery_id", "attempt", "at", "status_code", "error", "duration_ms").from("webhook_attempts")
                .where("delivery_id", .in, entries.map(\.id)).orderBy("id").all() {
                attempts[try row.decode(column: "delivery_id", as: Int64.self), default: []].append(DeliveryLogEntry.Attempt(
                    number: try row.decode(column: "attempt", as: Int.self), at: Date(storeMilliseconds: try row.decode(column: "at", as: Int64.self)),
                    statusCode: try row.decode(column: "status_code", as: Int?.self), error: try row.decode(column: "error", as: String?.self),
                    durationMilliseconds: try row.decode(column: "duration_ms", as: Double.self)))
            }
            for index in entries.indices { entries[index].attempts = attempts[entries[index].id] ?? [] }
            return entries
        }
    }

    /// Deliveries waiting for an attempt: the outbox's depth, for metrics.
    public func pendingDeliveryCount() async throws -> Int {
        try await database.run { db in
            try await db.raw("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE state = 'pending'").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }
}
