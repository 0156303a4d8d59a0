import Hummingbird
import VouchStore

/// `/metrics` in Prometheus's text format: every route's request count and latency
/// (Hummingbird's `MetricsMiddleware`), clips processed and webhook attempts by this
/// process, and, read from the store when scraped, the job queue and webhook outbox depths.
///
/// Register it before every other route: Hummingbird wraps a route in the middlewares
/// added before it, so routes added earlier would go uncounted.
struct MetricsRoutes: Sendable {
    let store: Store

    func register(on router: Router<VouchRequestContext>) {
        let registry = ServerMetrics.registry
        router.middlewares.add(MetricsMiddleware())
        router.get("/metrics") { _, _ -> Response in
            let counts = try await store.jobCounts()
            for state in [Job.State.queued, .running, .done, .dead] {
                registry.makeGauge(name: "vouch_jobs", labels: [("state", state.rawValue)]).set(Double(counts[state] ?? 0))
            }
            registry.makeGauge(name: "vouch_webhook_deliveries_pending").set(Double(try await store.pendingDeliveryCount()))
            let text = registry.emitToBuffer()
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: text)))
        }
    }
}
