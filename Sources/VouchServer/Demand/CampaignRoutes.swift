import Foundation
import Hummingbird
import VouchStore

/// Pre-order campaigns on the platform API: a platform opens one for a product it sells,
/// and reads its trusted intent against the threshold; `demand.threshold` tells its
/// webhooks when the threshold is reached.
struct CampaignRoutes: Sendable {
    let store: Store

    func register(on router: some RouterMethods<VouchRequestContext>) {
        router.post("/v1/campaigns") { request, context in
            let platform = try context.requirePlatform()
            let body: CampaignRequest
            do {
                body = try JSONDecoder().decode(CampaignRequest.self, from: Data(buffer: try await request.body.collect(upTo: 64 << 10)))
            } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
                throw error
            } catch {
                throw Problem.badRequest("the body must be JSON: {\"product\", \"title\", \"threshold\", \"closesAt\"} (and optionally \"variant\", \"opensAt\")")
            }
            let campaign = try await store.openCampaign(try body.campaign(platform: platform.id, now: store.clock.now()), by: "platform:\(platform.id)")
            return try JSONAnswer.response(CampaignBody(campaign), status: .created, headers: [.location: "/v1/campaigns/\(campaign.id)"])
        }
        router.get("/v1/campaigns") { request, context in
            let platform = try context.requirePlatform()
            return try JSONAnswer.response(["campaigns": try await store.campaigns(platform: platform.id).map(CampaignBody.init)])
        }
        router.get("/v1/campaigns/{id}") { request, context in
            let platform = try context.requirePlatform()
            guard let id = context.parameters.get("id").flatMap(Int64.init), let campaign = try await store.campaign(id: id),
                  campaign.platformID == platform.id else {
                throw Problem.notFound("no such campaign for this platform")
            }
            return try JSONAnswer.response(CampaignBody(campaign))
        }
    }
}

/// `POST /v1/campaigns`.
struct CampaignRequest: Decodable {
    var product: String
    var variant: String?
    var title: String
    var threshold: Double
    var opensAt: Date?
    var closesAt: Date

    enum CodingKeys: String, CodingKey { case product, variant, title, threshold, opensAt, closesAt }

    init(product: String, variant: String?, title: String, threshold: Double, opensAt: Date?, closesAt: Date) {
        self.product = product
        self.variant = variant
        self.title = title
        self.threshold = threshold
        self.opensAt = opensAt
        self.closesAt = closesAt
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        product = try container.decode(String.self, forKey: .product)
        variant = try container.decodeIfPresent(String.self, forKey: .variant)
        title = try container.decode(String.self, forKey: .title)
        threshold = try container.decode(Double.self, forKey: .threshold)
        opensAt = try container.decodeIfPresent(String.self, forKey: .opensAt).map(Self.date)
        closesAt = try Self.date(container.decode(String.self, forKey: .closesAt))
    }

    private static func date(_ text: String) throws -> Date {
        guard let date = ISO8601DateFormatter().date(from: text) else { throw CampaignProblem.badDate }
        return date
    }

    private enum CampaignProblem: Error { case badDate }

    func campaign(platform: String, now: Date) throws(Problem) -> NewCampaign {
        for (name, value, limit) in [("product", product, 200), ("title", title, 200), ("variant", variant ?? "", 200)] where value.unicodeScalars.count > limit {
            throw .badRequest("\(name) is longer than \(limit) characters")
        }
        guard !product.isEmpty, !title.isEmpty else { throw .badRequest("product and title must not be empty") }
        guard threshold.isFinite, threshold >= 1, threshold <= 10_000_000 else { throw .badRequest("threshold must be from 1 to 10,000,000 trusted pre-orders") }
        let opens = opensAt ?? now
        guard closesAt > opens, closesAt.timeIntervalSince(opens) <= 366 * 86_400 else { throw .badRequest("closesAt must be after opensAt, within a year") }
        return NewCampaign(platformID: platform, product: product, variant: variant ?? "", title: title, threshold: threshold, opensAt: opens, closesAt: closesAt)
    }
}

/// A campaign as the API shows it.
struct CampaignBody: Encodable {
    var id: Int64
    var product: String
    var variant: String
    var title: String
    var threshold: Double
    var opensAt: Date
    var closesAt: Date
    var raw: Int64
    var trusted: Double
    var people: Int
    /// trusted / threshold, at most 1.
    var progress: Double
    var crossedAt: Date?

    init(_ campaign: Campaign) {
        id = campaign.id
        product = campaign.product
        variant = campaign.variant
        title = campaign.title
        threshold = campaign.threshold
        opensAt = campaign.opensAt
        closesAt = campaign.closesAt
        raw = campaign.raw
        trusted = (campaign.trusted * 100).rounded() / 100
        people = campaign.people
        progress = min(1, (campaign.trusted / campaign.threshold * 1000).rounded() / 1000)
        crossedAt = campaign.crossedAt
    }
}
