import Hummingbird
import VouchStore

/// `/healthz` (the process answers) and `/readyz` (it can reach its store).
struct HealthRoutes: Sendable {
    let store: Store

    func register(on router: Router<some RequestContext>) {
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/readyz") { _, _ -> String in
            do {
                _ = try await store.jobCounts()
                return "ready\n"
            } catch {
                throw Problem(.serviceUnavailable, "not-ready", title: "Not ready", detail: "the store is unreachable: \(error)")
            }
        }
    }
}
