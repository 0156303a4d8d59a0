import Metrics
import Prometheus

/// The process's Prometheus registry. swift-metrics may be bootstrapped once per process,
/// so the first server to start does it, and every later one shares the registry.
enum ServerMetrics {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { name, labels in
            (prometheusName(name), labels.map { (prometheusName($0.0), $0.1) })
        }
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Hummingbird names metrics OpenTelemetry's way (`http.server.request.duration`);
    /// Prometheus allows only letters, digits and underscores.
    static func prometheusName(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    }
}
