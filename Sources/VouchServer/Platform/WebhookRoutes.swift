import Foundation
import Hummingbird
import VouchEncoding
import VouchPipeline
import VouchStore

/// The platform API's webhook routes: register, list, delete, and read the delivery log.
/// A platform sees and changes only its own webhooks; another's are "not found".
struct WebhookRoutes: Sendable {
    let store: Store
    let addresses: WebhookAddressPolicy
    static let maximumPerPlatform = 20

    func register(on router: some RouterMethods<VouchRequestContext>) {
        router.post("/v1/webhooks") { request, context in try await create(request, context: context) }
        router.get("/v1/webhooks") { request, context in
            let platform = try context.requirePlatform()
            return try JSONAnswer.response(WebhookListBody(webhooks: try await store.webhooks(platform: platform.id).map { WebhookBody($0) }))
        }
        router.delete("/v1/webhooks/{id}") { request, context in
            let platform = try context.requirePlatform()
            let id = try Self.id(context)
            guard try await store.deleteWebhook(id: id, platform: platform.id) else { throw Self.notFound(id) }
            return Response(status: .noContent)
        }
        router.get("/v1/webhooks/{id}/deliveries") { request, context in
            let platform = try context.requirePlatform()
            let id = try Self.id(context)
            guard try await store.webhook(id: id, platform: platform.id) != nil else { throw Self.notFound(id) }
            return try JSONAnswer.response(DeliveryLogBody(try await store.deliveryLog(webhook: id)))
        }
    }

    /// `POST /v1/webhooks`: the answer carries the signing secret, the only time it is shown.
    func create(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let platform = try context.requirePlatform()
        let body: WebhookRequest
        do {
            body = try await request.decode(as: WebhookRequest.self, context: context)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge || error.status == .requestTimeout {
            throw error
        } catch {
            throw Problem.badRequest("the body must be JSON: {\"url\": \"https://…\", \"events\": [\"clip.published\", …]}")
        }
        let events = try Self.events(body.events)
        do {
            try await addresses.check(body.url)
        } catch {
            throw Problem(.unprocessableContent, "webhook-url-refused", title: "The webhook URL was refused", detail: error.description)
        }
        let secret = Self.newSecret()
        let webhook: Webhook
        do {
            webhook = try await store.createWebhook(platform: platform.id, url: body.url, events: events, secret: secret,
                                                    limit: Self.maximumPerPlatform)
        } catch StoreError.quotaExceeded {
            throw Problem(.conflict, "too-many-webhooks", title: "Too many webhooks",
                          detail: "a platform may register at most \(Self.maximumPerPlatform) webhooks; delete one first")
        }
        return try JSONAnswer.response(WebhookBody(webhook, secret: secret), status: .created, headers: [.location: "/v1/webhooks/\(webhook.id)"])
    }

    private static func events(_ names: [String]?) throws(Problem) -> [WebhookEvent] {
        guard let names else { return WebhookEvent.allCases }
        guard !names.isEmpty else { throw .badRequest("events must name at least one event, or be left out for all") }
        var events: [WebhookEvent] = []
        for name in names {
            guard let event = WebhookEvent(rawValue: name) else {
                throw .badRequest("unknown event '\(name.prefix(100))': use \(WebhookEvent.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !events.contains(event) { events.append(event) }
        }
        return events
    }

    /// 256 random bits as `whsec_` and 64 hex digits.
    private static func newSecret() -> String {
        "whsec_" + RandomSecret.bytes(32).hexEncodedString
    }

    private static func id(_ context: VouchRequestContext) throws(Problem) -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw .notFound("webhook ids are numbers") }
        return id
    }

    private static func notFound(_ id: Int64) -> Problem {
        .notFound("webhook \(id) does not exist for this platform")
    }
}
