import Hummingbird
import Prometheus
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
        let jobs = MetricNameDescriptor(namespace: "vouch", metricName: "jobs", unitName: "", helpText: "Jobs in the queue, by state")
        let states = [Job.State.queued, .running, .done, .dead]
        let jobGauges = states.map { registry.makeGauge(descriptor: jobs, labels: [("state", $0.rawValue)]) }
        let outbox = registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "vouch", metricName: "webhook_deliveries_pending", unitName: "",
                                                                         helpText: "Webhook deliveries waiting for an attempt"))
        router.middlewares.add(MetricsMiddleware())
        router.get("/metrics") { _, _ -> Response in
            let counts = try await store.jobCounts()
            for (state, gauge) in zip(states, jobGauges) { gauge.set(Double(counts[state] ?? 0)) }
            outbox.set(Double(try await store.pendingDeliveryCount()))
            let text = registry.emitToBuffer()
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: text)))
        }
    }
}
