import Hummingbird
import Logging
import VouchStore

/// `/healthz` (the process answers) and `/readyz` (it can reach its store).
///
/// Readiness asks the store at most once a second, however often it is probed, and says
/// only "ready" or "not ready": why the store is unreachable goes to the server's log,
/// not to whoever asked.
struct HealthRoutes: Sendable {
    let readiness: RecentValue<Bool>

    init(store: Store, logger: Logger) {
        readiness = RecentValue(lifetime: .seconds(1)) {
            do {
                _ = try await store.logSize()
                return true
            } catch {
                logger.error("not ready: the store is unreachable", metadata: ["error": "\(error)"])
                return false
            }
        }
    }

    /// Liveness goes on `router` unlimited, as it reads nothing; readiness, which reads the
    /// store, on the rate-limited `public` group.
    func register(on router: some RouterMethods<VouchRequestContext>, public: some RouterMethods<VouchRequestContext>) {
        router.get("/healthz") { _, _ in "ok\n" }
        `public`.get("/readyz") { _, _ -> String in
            guard try await readiness.value() else {
                throw Problem(.serviceUnavailable, "not-ready", title: "Not ready",
                              detail: "this process cannot reach its store; the operator's log says why", headers: [.retryAfter: "5"])
            }
            return "ready\n"
        }
    }
}
