import Foundation
import Hummingbird
import Logging
import VouchIdentity
import VouchPipeline
import VouchStore

/// Vouch's HTTP service, built on Hummingbird 2: the platform API, the public shopper API,
/// the OpenAPI document and metrics.
public struct VouchServer: Sendable {
    public let pipeline: Pipeline
    public let settings: ServerSettings
    let platforms: [PlatformAccess]
    let identity: IdentitySettings
    /// Who may use the moderator UI, and how its sessions behave.
    public var moderation = ModerationSettings()

    /// Loads the platforms' keys and records the platforms in the store.
    public init(pipeline: Pipeline, settings: ServerSettings, identity: IdentitySettings, settingsDirectory: URL) async throws {
        self.pipeline = pipeline
        self.settings = settings
        self.identity = identity
        platforms = try identity.platforms.map { PlatformAccess(registration: $0, trust: try $0.trust(relativeTo: settingsDirectory)) }
        for platform in identity.platforms {
            try await pipeline.store.register(platform: platform.id, name: platform.name)
        }
    }

    /// The router with every route, for the server and for tests.
    public func router() -> Router<VouchRequestContext> {
        let router = Router(context: VouchRequestContext.self)
        router.middlewares.add(ProblemMiddleware())
        MetricsRoutes(store: pipeline.store).register(on: router)
        let verifier = AttestationVerifier(
            audience: identity.audience, clockSkew: identity.clockSkewSeconds,
            maximumLifetime: identity.maximumLifetimeSeconds, replays: StoreReplays(store: pipeline.store)
        )
        let authenticator = PlatformAuthenticator(platforms)
        ClipRoutes(store: pipeline.store, spool: pipeline.spool, platforms: authenticator,
                   verifier: verifier, maxUploadBytes: settings.maxUploadBytes).register(on: router)
        SocialGraphRoutes(store: pipeline.store, platforms: authenticator).register(on: router)
        HealthRoutes(store: pipeline.store).register(on: router)
        let limiter = settings.rateLimit.enabled ? RateLimiter(settings: settings.rateLimit) : nil
        ShopperRoutes(store: pipeline.store, verifier: verifier, platforms: platforms.map(\.trust), limiter: limiter,
                      cache: settings.rankingCacheEntries > 0 ? RankingCache(store: pipeline.store, capacity: settings.rankingCacheEntries) : nil).register(on: router)
        WebhookRoutes(store: pipeline.store, platforms: authenticator,
                      addresses: WebhookAddressPolicy(allowPrivateAddresses: pipeline.configuration.pipeline.webhooks.allowPrivateAddresses)).register(on: router)
        LogRoutes(store: pipeline.store, limiter: limiter).register(on: router)
        OpenAPIRoute().register(on: router)
        ModeratorUI(store: pipeline.store, settings: moderation).register(on: router)
        router.middlewares.add(MethodNotAllowedMiddleware(routes: router.routes))
        return router
    }

    /// The HTTP application on the configured address; `onServerRunning` learns the bound port.
    public func application(logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "Vouch"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// Serves until SIGINT or SIGTERM, running `workers` pipeline workers beside the API.
    public func run(workers: Int, workerName: String, logger: Logger) async throws {
        let application = application(logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.runService() }
            if workers > 0 {
                group.addTask { await pipeline.runWorkers(count: workers, namePrefix: workerName) }
            } else {
                group.addTask { await pipeline.index.follow(every: pipeline.configuration.pipeline.indexPollSeconds) }
                group.addTask { await pipeline.maintainLog() }
            }
            try await group.next()
            group.cancelAll()
        }
    }
}
