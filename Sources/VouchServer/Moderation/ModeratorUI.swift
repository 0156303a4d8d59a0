import Hummingbird
import VouchStore

/// The server's HTML side: the landing page, the stylesheet, and the moderator UI under
/// `/moderate`. Server-rendered from Mustache templates, with no script.
struct ModeratorUI: Sendable {
    let store: Store
    let settings: ModerationSettings
    let registry: LiveRegistry
    let limiter: RateLimiter?

    func register(on router: Router<VouchRequestContext>) {
        SiteRoutes(store: store, limiter: limiter).register(on: router)
        ModerationRoutes(store: store, settings: settings, registry: registry).register(on: router)
    }
}
