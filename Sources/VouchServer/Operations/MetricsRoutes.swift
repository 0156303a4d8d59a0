import Hummingbird
import VouchEncoding
import VouchPipeline
import Prometheus
import VouchStore

/// `/metrics` in Prometheus's text format: every route's request count and latency
/// (Hummingbird's `MetricsMiddleware`), clips processed and webhook attempts by this
/// process, and, read from the store when scraped, the job queue and webhook outbox depths
/// and the review log's size (the same on every process, so never stale on one that does
/// not sign).
///
/// Only operators read it: with `server.metricsToken` set, a request must carry it as a
/// bearer token; without one, only clients on loopback are answered. The store's depths
/// are read at most every five seconds, however often it is scraped.
struct MetricsRoutes: Sendable {
    let store: Store
    let token: String
    private static let loopback = [IPNetwork("127.0.0.0/8")!, IPNetwork("::1")!]

    func register(on router: some RouterMethods<VouchRequestContext>) {
        let registry = ProcessMetrics.bootstrap()
        let jobs = MetricNameDescriptor(namespace: "vouch", metricName: "jobs", unitName: "", helpText: "Jobs in the queue, by state")
        let states = [Job.State.queued, .running, .done, .dead]
        let jobGauges = states.map { registry.makeGauge(descriptor: jobs, labels: [("state", $0.rawValue)]) }
        let outbox = registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "vouch", metricName: "webhook_deliveries_pending", unitName: "",
                                                                         helpText: "Webhook deliveries waiting for an attempt"))
        let logSize = registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "vouch", metricName: "log_size", unitName: "",
                                                                          helpText: "Entries in the review log"))
        let depths = RecentValue(lifetime: .seconds(5)) { [store] in
            (try await store.jobCounts(), try await store.pendingDeliveryCount(), try await store.logSize())
        }
        router.get("/metrics") { request, context -> Response in
            try authorize(request, context: context)
            let (counts, pending, entries) = try await depths.value()
            for (state, gauge) in zip(states, jobGauges) { gauge.set(Double(counts[state] ?? 0)) }
            outbox.set(Double(pending))
            logSize.set(Double(entries))
            let text = registry.emitToBuffer()
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: text)))
        }
    }

    private func authorize(_ request: Request, context: VouchRequestContext) throws(Problem) {
        if token.isEmpty {
            guard let client = context.clientAddress.flatMap(IPAddress.init)?.unmapped, Self.loopback.contains(where: { $0.contains(client) }) else {
                throw Problem(.forbidden, "operators-only", title: "Metrics are for operators",
                              detail: "/metrics answers loopback clients only; set server.metricsToken to scrape it from elsewhere")
            }
        } else {
            guard let given = request.headers[.authorization], ConstantTime.equal(given, "Bearer \(token)") else {
                throw Problem(.unauthorized, "unauthorized", title: "Metrics are for operators",
                              detail: "send server.metricsToken as Authorization: Bearer <token>", headers: [.wwwAuthenticate: "Bearer"])
            }
        }
    }
}
