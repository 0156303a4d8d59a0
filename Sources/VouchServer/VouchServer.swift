import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
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
    /// Signs the shopper API's cursors, with a key every process shares through the store.
    let cursors: ReviewCursor
    /// Who may use the moderator UI, and how its sessions behave.
    public var moderation = ModerationSettings()

    /// Loads the platforms' keys and records the platforms in the store.
    public init(pipeline: Pipeline, settings: ServerSettings, identity: IdentitySettings, settingsDirectory: URL) async throws {
        self.pipeline = pipeline
        self.settings = settings
        self.identity = identity
        platforms = try identity.platforms.map { PlatformAccess(registration: $0, trust: try $0.trust(relativeTo: settingsDirectory)) }
        cursors = ReviewCursor(key: try await pipeline.store.sharedSecret(named: "review-cursors"))
        for platform in identity.platforms {
            try await pipeline.store.register(platform: platform.id, name: platform.name)
        }
    }

    /// The router with every route, for the server and for tests.
    public func router() -> Router<VouchRequestContext> {
        let router = Router(context: VouchRequestContext.self)
        router.middlewares.add(ProblemMiddleware(errors: RepeatedErrorLog(logger: Logger(label: "vouch.server"))))
        router.middlewares.add(ClientAddressMiddleware(trustedProxies: settings.trustedProxies.compactMap(IPNetwork.init)))
        router.middlewares.add(BodyDeadlineMiddleware(limit: .milliseconds(Int64(settings.bodyDeadlineSeconds * 1000))))
        MetricsRoutes(store: pipeline.store, token: settings.metricsToken).register(on: router)
        let verifier = AttestationVerifier(
            audience: identity.audience, clockSkew: identity.clockSkewSeconds,
            maximumLifetime: identity.maximumLifetimeSeconds, replays: StoreReplays(store: pipeline.store)
        )
        let authenticator = PlatformAuthenticator(platforms)
        ClipRoutes(store: pipeline.store, spool: pipeline.spool, platforms: authenticator,
                   verifier: verifier, maxUploadBytes: settings.maxUploadBytes,
                   quota: UploadQuota(store: pipeline.store, uploadsPerPlatform: settings.uploadsPerPlatform, spoolBytesPerPlatform: settings.spoolBytesPerPlatform),
                   minimumBytesPerSecond: settings.minimumUploadBytesPerSecond,
                   gracePeriod: .milliseconds(Int64(settings.uploadGraceSeconds * 1000))).register(on: router)
        SocialGraphRoutes(store: pipeline.store, platforms: authenticator, maximumHeld: settings.maximumEdgesPerPlatform).register(on: router)
        HealthRoutes(store: pipeline.store, logger: Logger(label: "vouch.server")).register(on: router)
        let limiter = settings.rateLimit.enabled ? RateLimiter(settings: settings.rateLimit) : nil
        ShopperRoutes(store: pipeline.store, verifier: verifier, platforms: platforms.map(\.trust), limiter: limiter,
                      cursors: cursors,
                      cache: settings.rankingCacheEntries > 0 ? RankingCache(store: pipeline.store, capacity: settings.rankingCacheEntries,
                                                                             maximumBytes: settings.rankingCacheBytes, cursors: cursors) : nil).register(on: router)
        WebhookRoutes(store: pipeline.store, platforms: authenticator,
                      addresses: WebhookAddressPolicy(allowPrivateAddresses: pipeline.configuration.pipeline.webhooks.allowPrivateAddresses)).register(on: router)
        LogRoutes(store: pipeline.store, limiter: limiter).register(on: router)
        OpenAPIRoute().register(on: router)
        ModeratorUI(store: pipeline.store, settings: moderation, limiter: limiter).register(on: router)
        router.middlewares.add(MethodNotAllowedMiddleware(routes: router.routes))
        return router
    }

    /// The HTTP application on the configured address; `onServerRunning` learns the bound port.
    public func application(logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            // Slow or idle connections are closed, so they cannot hold descriptors for ever.
            server: .http1(configuration: .init(idleTimeout: .milliseconds(Int64(settings.idleTimeoutSeconds * 1000)))),
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "Vouch"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// Serves until SIGINT or SIGTERM, running `workers` pipeline workers beside the API.
    ///
    /// Both signals start a graceful shutdown: the server stops accepting connections and
    /// finishes the requests in flight, then the workers drain (`pipeline.drainSeconds`),
    /// then the background loops stop. The caller closes the store afterwards.
    public func run(workers: Int, workerName: String, logger: Logger) async throws {
        let services = pipeline.services(workers: workers, namePrefix: workerName) + [application(logger: logger)]
        try await ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger).run()
    }
}
