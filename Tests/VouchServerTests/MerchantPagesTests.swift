import Foundation
import Testing
import VouchIdentity
import VouchPipeline
import VouchServer
import VouchStore
import VouchTestSupport

/// The merchant view: a merchant account logs in like a moderator, sees trusted demand for
/// its own products only, none of moderation, and exports what it sees as safe CSV.
@Suite struct MerchantPagesTests {
    func withMerchant(_ body: @Sendable (ModerationFixture) async throws -> Void) async throws {
        try await withModeration { fixture in
            let store = fixture.store
            try await store.addModerator(RegisteredModerator(name: "meg", role: .merchant, passwordHash: ModerationFixture.passwordHash), by: "operator:test")
            try await store.setMerchantProducts("meg", products: ["kettle", "=cmd|calc"], by: "operator:test")
            let now = store.clock.now()
            let events = (0..<5).map { DemandEvent(id: "k\($0)", account: "shopper-\($0)", product: "kettle", kind: .cart, at: now.addingTimeInterval(-Double($0) * 3600)) }
                + [DemandEvent(id: "t1", account: "shopper-1", product: "toaster", kind: .view, at: now),
                   DemandEvent(id: "f1", account: "shopper-2", product: "=cmd|calc", kind: .view, at: now)]
            _ = try await store.addDemandEvents(events, platform: "shop")
            _ = try await store.openCampaign(NewCampaign(platformID: "shop", product: "kettle", title: "Kettle in copper", threshold: 10,
                                                         opensAt: now.addingTimeInterval(-86_400), closesAt: now.addingTimeInterval(86_400)), by: "operator:test")
            _ = try await store.finishedClip(reviewer: "kate", product: "kettle", score: 0.8)
            try await TrustRecomputer(store: store).recompute()
            try await Task.sleep(for: .milliseconds(100))
            try await body(fixture)
        }
    }

    @Test func aMerchantSeesItsProductsDemandAndNoModeration() async throws {
        try await withMerchant { fixture in
            var browser = fixture.browser()
            let login = try await browser.logIn("meg", password: ModerationFixture.password)
            #expect(login.status == 303 && login.location == "/moderate/demand")
            let page = try await browser.get("/moderate/demand")
            #expect(page.status == 200)
            #expect(page.body.contains("kettle") && page.body.contains("Kettle in copper") && !page.body.contains("toaster"))
            #expect(!page.body.contains("href=\"/moderate/audit\""), "no moderation links for a merchant")
            for path in ["/moderate", "/moderate/audit", "/moderate/clips/\(fixture.copy.id)", "/moderate/clips/\(fixture.copy.id)/keyframes/0.jpg"] {
                #expect(try await browser.get(path).status == 403, "\(path)")
            }
            #expect(try await browser.get("/moderate/demand/products/toaster").status == 404, "another merchant's product")
            let product = try await browser.get("/moderate/demand/products/kettle?kind=cart")
            #expect(product.status == 200 && product.body.contains("<polyline") && product.body.contains("class=\"trusted\""))
            #expect(!product.body.contains("<script"))
            #expect(product.body.contains("Reviews over time") && product.body.contains("<td class=\"number\">1</td><td class=\"number\">0.80</td><td class=\"number\">0</td>"),
                    "one published review, by a reviewer nobody trusts yet")
        }
    }

    @Test func theCSVExportIsScopedAndSpreadsheetSafe() async throws {
        try await withMerchant { fixture in
            var browser = try await fixture.browser(loggedInAs: "meg")
            let csv = try await browser.get("/moderate/demand.csv?window=7d", accept: "text/csv")
            #expect(csv.status == 200 && csv.contentType.hasPrefix("text/csv"))
            let lines = csv.body.split(separator: "\r\n").map(String.init)
            #expect(lines.first == "product,kind,window,raw,trusted,people,trusted_people,trusted_share")
            #expect(lines.contains { $0.hasPrefix("kettle,cart,7d,5,") })
            #expect(lines.contains { $0.hasPrefix("'=cmd|calc,view,") }, "a formula is never a formula in a spreadsheet")
            #expect(!lines.contains { $0.hasPrefix("toaster") })
        }
    }

    @Test func anAdminSeesEveryProductAndAModeratorNone() async throws {
        try await withMerchant { fixture in
            var admin = try await fixture.browser(loggedInAs: "ana")
            let page = try await admin.get("/moderate/demand")
            #expect(page.status == 200 && page.body.contains("toaster") && page.body.contains("kettle"))
            var moderator = try await fixture.browser(loggedInAs: "mo")
            #expect(try await moderator.get("/moderate/demand").status == 403)
        }
    }

    @Test func aMerchantOpensACampaignForItsOwnProductOnly() async throws {
        try await withMerchant { fixture in
            var browser = try await fixture.browser(loggedInAs: "meg")
            let csrf = try #require(try await browser.get("/moderate/demand").hiddenField("csrf"))
            let fields = ["product": "kettle", "variant": "matte", "title": "Kettle in matte black?", "threshold": "50", "days": "10", "platform": "shop"]
            let forged = try await browser.post("/moderate/demand/campaigns", form: fields)
            #expect(forged.status == 403, "no CSRF token, no campaign")
            var elsewhere = fields
            elsewhere["product"] = "toaster"
            elsewhere["csrf"] = csrf
            #expect(try await browser.post("/moderate/demand/campaigns", form: elsewhere).status == 400)
            var good = fields
            good["csrf"] = csrf
            let opened = try await browser.post("/moderate/demand/campaigns", form: good)
            #expect(opened.status == 303)
            let campaigns = try await fixture.store.campaigns(products: ["kettle"])
            #expect(campaigns.map(\.title).contains("Kettle in matte black?") && campaigns.count == 2)
            #expect(try await fixture.store.auditLog(subject: "campaign:\(campaigns[0].id)").first?.actor == "moderator:meg")
        }
    }
}
