import Foundation
import Hummingbird
import VouchIdentity
import VouchStore

/// The merchant view under `/moderate/demand`: trusted demand beside raw for the account's
/// products (every product for an admin), the brand's community, campaigns, a product's
/// daily plot, and a CSV export. Merchants log in as moderators do and see nothing else.
struct MerchantPages: Sendable {
    let routes: ModerationRoutes
    static let path = "/moderate/demand"
    static let windows = ["1d": 1, "7d": 7, "30d": 30]

    func register(on group: RouterGroup<VouchRequestContext>) {
        group.get("demand") { request, context in try await overview(request, context: context) }
        group.get("demand.csv") { request, context in try await csv(request, context: context) }
        group.get("demand/products/{id}") { request, context in try await product(request, context: context) }
        group.post("demand/campaigns") { request, context in try await openCampaign(request, context: context) }
    }

    struct CampaignForm: Decodable {
        var csrf: String?
        var platform: String?
        var product: String?
        var variant: String?
        var title: String?
        var threshold: Double?
        var days: Double?
    }

    /// `POST /moderate/demand/campaigns`: a merchant opens a campaign for one of its products.
    private func openCampaign(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let moderator = try context.requireModerator()
        let (_, products) = try await scope(context)
        let form = try await routes.form(CampaignForm.self, from: request, context: context)
        try moderator.checkCSRF(form.csrf)
        guard let product = form.product, products.map({ $0.contains(product) }) ?? true else {
            throw Problem.badRequest("choose one of this account's products")
        }
        let platforms = try await routes.store.registry().platforms.map(\.id)
        guard let platform = form.platform, platforms.contains(platform) else { throw Problem.badRequest("choose the platform that sells the product") }
        guard let days = form.days, days.isFinite, (1...366).contains(days) else { throw Problem.badRequest("the campaign runs from 1 to 366 days") }
        let now = routes.store.clock.now()
        let campaign = try CampaignRequest(product: product, variant: form.variant, title: form.title ?? "", threshold: form.threshold ?? 0,
                                           opensAt: now, closesAt: now.addingTimeInterval(days * 86_400)).campaign(platform: platform, now: now)
        _ = try await routes.store.openCampaign(campaign, by: "moderator:\(moderator.account.name)")
        return Response.redirect(to: Self.path, type: .normal)
    }

    /// The signed-in account and the products it may see (nil: all, for an admin).
    private func scope(_ context: VouchRequestContext) async throws -> (ModeratorView, [String]?) {
        let (moderator, view) = try routes.signedIn(context)
        switch moderator.account.role {
        case .admin: return (view, nil)
        case .merchant: return (view, try await routes.store.merchantProducts(moderator.account.name))
        case .moderator:
            throw Problem(.forbidden, "forbidden", title: "Not allowed for this role", detail: "demand is for merchants and admins")
        }
    }

    private func overview(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let (view, products) = try await scope(context)
        let (window, days) = Self.window(request)
        let store = routes.store
        let totals = try await store.demandTotals(days: days, products: products)
        let page = DemandOverviewPage(moderator: view, window: window, totals: totals,
                                      communities: try await store.demandCommunities(products: products),
                                      reviewers: try await store.reviewingIdentities(),
                                      campaigns: try await store.campaigns(products: products), now: store.clock.now(),
                                      computedAt: try await store.demandComputedAt(), scoped: products,
                                      platforms: try await store.registry().platforms.map(\.id))
        return try routes.pages.render(page, template: "demand")
    }

    private func product(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let (view, products) = try await scope(context)
        let product = try ShopperRoutes.product(context)
        if let products, !products.contains(product) { throw Problem.notFound("no such product among this account's") }
        let kind = request.uri.queryParameters["kind"].flatMap { DemandKind(rawValue: String($0)) } ?? .cart
        let store = routes.store
        let now = store.clock.now()
        let (totals, anomalies) = try await store.demand(product: product, days: 30)
        let plot = DemandPlot(id: "demand", label: product, days: try await store.demandDays(product: product, kind: kind),
                              from: now.addingTimeInterval(-30 * 86_400), to: now)
        let page = DemandProductPage(moderator: view, product: product, kind: kind, plot: plot.svg, totals: totals, anomalies: anomalies,
                                     campaigns: try await store.campaigns(products: [product]), now: now,
                                     reviewWeeks: try await store.reviewWeeks(product: product, since: now.addingTimeInterval(-90 * 86_400)))
        return try routes.pages.render(page, template: "demand-product")
    }

    /// `GET /moderate/demand.csv`: every product in scope, kind by kind.
    private func csv(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let (_, products) = try await scope(context)
        let (window, days) = Self.window(request)
        var lines = ["product,kind,window,raw,trusted,people,trusted_people,trusted_share"]
        for totals in try await routes.store.demandTotals(days: days, products: products) {
            let tally = totals.tally
            lines.append([Self.field(totals.product), totals.kind.rawValue, window, "\(tally.raw)", String(format: "%.2f", tally.trusted),
                          "\(tally.people)", String(format: "%.2f", tally.trustedPeople), String(format: "%.3f", tally.trustedShare)].joined(separator: ","))
        }
        var headers = PageRenderer.headers(contentType: "text/csv; charset=utf-8")
        headers[.contentDisposition] = "attachment; filename=\"vouch-demand-\(window).csv\""
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: lines.joined(separator: "\r\n") + "\r\n")))
    }

    /// A CSV field: quoted when it holds a separator or quote, and never read as a formula
    /// by a spreadsheet (a leading `=`, `+`, `-` or `@` is prefixed with `'`).
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { ",\"\n\r".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func window(_ request: Request) -> (String, Int) {
        let name = request.uri.queryParameters["window"].map(String.init) ?? "7d"
        return windows[name].map { (name, $0) } ?? ("7d", 7)
    }
}
