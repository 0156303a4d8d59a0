import Foundation
import Hummingbird
import VouchIdentity
import VouchStore

/// The demand API: platforms send shoppers' signals in bulk, and read demand per product
/// and across products, raw beside trusted (`Docs/scoring.md`, "Trusted demand").
struct DemandRoutes: Sendable {
    let store: Store
    static let maximumEvents = 10_000
    static let maximumBodyBytes = 8 << 20
    static let windows = ["1d": 1, "7d": 7, "30d": 30]

    func register(on router: some RouterMethods<VouchRequestContext>) {
        router.post("/v1/signals") { request, context in try await receive(request, context: context) }
        router.get("/v1/products/{id}/demand") { request, context in
            let product = try ShopperRoutes.product(context)
            let (name, days) = try Self.window(request)
            let (totals, anomalies) = try await store.demand(product: product, days: days)
            return try JSONAnswer.response(ProductDemandBody(product: product, window: name, computedAt: try await store.demandComputedAt(),
                                                             kinds: totals.map(ProductDemandBody.Kind.init),
                                                             anomalies: anomalies.map(ProductDemandBody.Anomaly.init)))
        }
        router.get("/v1/demand") { request, _ in
            let query = request.uri.queryParameters
            let (name, days) = try Self.window(request)
            guard let kind = DemandKind(rawValue: String(query["kind"] ?? "cart")) else {
                throw Problem.badRequest("kind must be one of \(DemandKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let by = String(query["by"] ?? "trusted")
            guard by == "trusted" || by == "raw" else { throw Problem.badRequest("by must be trusted or raw") }
            guard let limit = Int(query["limit"] ?? "20"), (1...100).contains(limit) else { throw Problem.badRequest("limit must be from 1 to 100") }
            let ranked = try await store.demandRanking(kind: kind, days: days, byTrusted: by == "trusted", limit: limit)
            return try JSONAnswer.response(DemandRankingBody(kind: kind, window: name, by: by, computedAt: try await store.demandComputedAt(),
                                                             products: ranked.map(DemandRankingBody.Entry.init)))
        }
    }

    /// `POST /v1/signals`: each event is taken whole or refused with its reason; the events
    /// taken are stored in one transaction.
    private func receive(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let platform = try context.requirePlatform()
        let data: Data
        do {
            data = Data(buffer: try await request.body.collect(upTo: Self.maximumBodyBytes))
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw Problem(.contentTooLarge, "too-many-signals", title: "The batch is too large",
                          detail: "send at most \(Self.maximumEvents) events and \(Self.maximumBodyBytes >> 20) MiB per request")
        }
        let batch: SignalBatch
        do {
            batch = try JSONDecoder().decode(SignalBatch.self, from: data)
        } catch {
            throw Problem.badRequest("the body must be JSON: {\"events\": [{\"id\", \"account\", \"product\", \"kind\", \"at\", \"quantity\"}]}")
        }
        guard batch.events.count <= Self.maximumEvents else {
            throw Problem(.contentTooLarge, "too-many-signals", title: "The batch is too large",
                          detail: "send at most \(Self.maximumEvents) events per request; this one has \(batch.events.count)")
        }
        let reader = SignalReader(now: store.clock.now())
        var events: [DemandEvent] = [], rejected: [SignalResult.Refusal] = [], seen = Set<String>()
        for (index, event) in batch.events.enumerated() {
            do {
                let valid = try reader.read(event)
                guard seen.insert(valid.id).inserted else { throw SignalReader.Refusal("the id '\(valid.id)' appears twice in this batch") }
                events.append(valid)
            } catch let refusal as SignalReader.Refusal {
                rejected.append(.init(index: index, id: event.id.map { String($0.prefix(200)) }, detail: refusal.detail))
            }
        }
        let fresh = events.isEmpty ? [] : try await store.addDemandEvents(events, platform: platform.id)
        let result = SignalResult(accepted: fresh.filter { $0 }.count, duplicates: zip(events, fresh).filter { !$0.1 }.map(\.0.id), rejected: rejected)
        return try JSONAnswer.response(result, status: rejected.isEmpty ? .ok : HTTPResponse.Status(code: 207, reasonPhrase: "Multi-Status"))
    }

    private static func window(_ request: Request) throws(Problem) -> (String, Int) {
        let name = String(request.uri.queryParameters["window"] ?? "7d")
        guard let days = windows[name] else { throw .badRequest("window must be one of 1d, 7d, 30d") }
        return (name, days)
    }
}
