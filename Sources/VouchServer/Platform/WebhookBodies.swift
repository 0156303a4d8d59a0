import Foundation
import VouchStore

/// `POST /v1/webhooks`'s body.
struct WebhookRequest: Decodable {
    var url: String
    /// Every event when left out or null.
    var events: [String]?
}

/// A webhook as the platform API shows it; `secret` only in the answer that created it.
struct WebhookBody: Encodable, Sendable {
    var id: Int64
    var url: String
    var events: [String]
    var createdAt: Date
    var secret: String?

    init(_ webhook: Webhook, secret: String? = nil) {
        id = webhook.id
        url = webhook.url
        events = webhook.events.map(\.rawValue)
        createdAt = webhook.createdAt
        self.secret = secret
    }
}

struct WebhookListBody: Encodable, Sendable {
    var webhooks: [WebhookBody]
}

/// A webhook's delivery log as the platform API shows it.
struct DeliveryLogBody: Encodable, Sendable {
    struct Delivery: Encodable, Sendable {
        var id: Int64
        var event: String
        var state: String
        var createdAt: Date
        var finishedAt: Date?
        var attempts: [Attempt]
    }

    struct Attempt: Encodable, Sendable {
        var attempt: Int
        var at: Date
        var statusCode: Int?
        var error: String?
        var durationMilliseconds: Double
    }

    var deliveries: [Delivery]

    init(_ entries: [DeliveryLogEntry]) {
        deliveries = entries.map { entry in
            Delivery(id: entry.id, event: entry.event.rawValue, state: entry.state.rawValue, createdAt: entry.createdAt, finishedAt: entry.finishedAt,
                     attempts: entry.attempts.map { Attempt(attempt: $0.number, at: $0.at, statusCode: $0.statusCode, error: $0.error,
                                                            durationMilliseconds: $0.durationMilliseconds) })
        }
    }
}
