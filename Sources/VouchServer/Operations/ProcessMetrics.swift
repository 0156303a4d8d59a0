import Metrics
import Prometheus

/// The process's Prometheus registry, which every `/metrics` listener in the process reads.
///
/// swift-metrics may be bootstrapped once per process, and a counter made before the
/// bootstrap counts into nothing for ever: the `vouch` executable calls ``bootstrap()``
/// first thing, before any command runs. Later calls (and tests, which build many
/// servers in one process) share the first registry.
public enum ProcessMetrics {
    private static let shared: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { name, labels in
            (prometheusName(name), labels.map { (prometheusName($0.0), $0.1) })
        }
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Bootstraps swift-metrics with the Prometheus registry, once; answers the registry.
    @discardableResult
    public static func bootstrap() -> PrometheusCollectorRegistry {
        shared
    }

    /// Hummingbird names metrics OpenTelemetry's way (`http.server.request.duration`);
    /// Prometheus allows only letters, digits and underscores.
    static func prometheusName(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    }
}
