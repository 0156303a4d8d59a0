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
    let identity: IdentitySettings
    /// How moderator sessions behave; who may log in is in the registry.
    let moderation: ModerationSettings
    /// Platforms, their keys and moderators, as the whole fleet shares them through the store.
    let registry: LiveRegistry
    /// Signs the shopper API's cursors, with a key every process shares through the store.
    let cursors: ReviewCursor

    /// Moves platforms and moderators that the settings file still lists into the store,
    /// then loads the registry.
    public init(pipeline: Pipeline, settings: ServerSettings, identity: IdentitySettings, moderation: ModerationSettings,
                settingsDirectory: URL, logger: Logger = Logger(label: "vouch.server")) async throws {
        self.pipeline = pipeline
        self.settings = settings
        self.identity = identity
        self.moderation = moderation
        let imported = try await pipeline.store.importRegistry(from: identity, moderation: moderation, settingsDirectory: settingsDirectory)
        if !imported.isEmpty {
            logger.notice("moved from the settings file into the store: \(imported.joined(separator: ", ")); manage them with 'vouch platform' and 'vouch moderator' now, and remove identity.platforms and moderation.users from the file")
        }
        registry = try await LiveRegistry(store: pipeline.store, refreshEvery: .milliseconds(Int64(settings.registryRefreshSeconds * 1000)), logger: logger)
        cursors = ReviewCursor(key: try await pipeline.store.sharedSecret(named: "review-cursors"))
    }

    /// The router with every route, for the server and for tests.
    ///
    /// Routes sit in groups by who may call them, each behind its authenticator: the
    /// public routes behind the rate limit (and, for the shopper API, the viewer's
    /// attestation), the platform API behind an API key, the admin API behind an operator
    /// token, the moderator UI behind a session.
    public func router() -> Router<VouchRequestContext> {
        let router = Router(context: VouchRequestContext.self)
        router.middlewares.add(PublicCORSMiddleware())
        router.middlewares.add(ProblemMiddleware(errors: RepeatedErrorLog(logger: Logger(label: "vouch.server"))))
        router.middlewares.add(ClientAddressMiddleware(trustedProxies: settings.trustedProxies.compactMap(IPNetwork.init)))
        router.middlewares.add(BodyDeadlineMiddleware(limit: .milliseconds(Int64(settings.bodyDeadlineSeconds * 1000))))
        router.middlewares.add(MetricsMiddleware())
        let verifier = AttestationVerifier(
            audience: identity.audience, clockSkew: identity.clockSkewSeconds,
            maximumLifetime: identity.maximumLifetimeSeconds, replays: StoreReplays(store: pipeline.store)
        )
        registerPublicRoutes(on: router, verifier: verifier)
        registerPlatformAPI(on: router.group().add(middleware: PlatformAuthenticator(registry: registry, clock: pipeline.store.clock)),
                            verifier: verifier)
        AdminRoutes(store: pipeline.store, registry: registry).register(on: router)
        ModerationRoutes(store: pipeline.store, settings: moderation, registry: registry,
                         media: MediaRoutes(store: pipeline.store, responder: MediaResponder(store: pipeline.media)),
                         release: HeldCopyRelease(store: pipeline.store, configuration: pipeline.configuration)).register(on: router)
        router.middlewares.add(MethodNotAllowedMiddleware(routes: router.routes))
        return router
    }

    /// What anyone may read. Whatever reads the store is rate-limited per client before
    /// anything else runs: readiness, metrics, the landing page, the review log, and the
    /// shopper API and pages. The liveness probe, the stylesheet and the API document,
    /// served from memory, are not.
    private func registerPublicRoutes(on router: Router<VouchRequestContext>, verifier: AttestationVerifier) {
        let limiter = settings.rateLimit.enabled ? RateLimiter(settings: settings.rateLimit) : nil
        func limited(_ group: RouterGroup<VouchRequestContext>, by key: RateLimitMiddleware.Key) -> RouterGroup<VouchRequestContext> {
            guard let limiter else { return group }
            return group.add(middleware: RateLimitMiddleware(limiter: limiter, key: key))
        }
        let open = limited(router.group(), by: .clientAddress)
        HealthRoutes(store: pipeline.store, logger: Logger(label: "vouch.server")).register(on: router, public: open)
        MetricsRoutes(store: pipeline.store, token: settings.metricsToken).register(on: open)
        SiteRoutes(store: pipeline.store, configuration: pipeline.configuration).register(on: open, assets: router)
        OpenAPIRoute().register(on: router)
        MediaRoutes(store: pipeline.store, responder: MediaResponder(store: pipeline.media)).registerPublic(on: router)
        LogRoutes(store: pipeline.store).register(on: open)
        let shoppers = limited(open.group().add(middleware: ViewerAuthenticator(verifier: verifier, registry: registry, clock: pipeline.store.clock)),
                               by: .viewer)
        ShopperRoutes(store: pipeline.store, cursors: cursors,
                      cache: settings.rankingCacheEntries > 0 ? RankingCache(store: pipeline.store, capacity: settings.rankingCacheEntries,
                                                                             maximumBytes: settings.rankingCacheBytes, cursors: cursors) : nil,
                      origin: settings.publicOrigin, demoShoppers: settings.demoShoppers)
            .register(api: shoppers, pages: open)
    }

    /// The routes platforms call with their API key (``PlatformAuthenticator``).
    private func registerPlatformAPI(on group: RouterGroup<VouchRequestContext>, verifier: AttestationVerifier) {
        let store = pipeline.store
        ClipRoutes(store: store, spool: pipeline.spool, verifier: verifier, maxUploadBytes: settings.maxUploadBytes,
                   quota: UploadQuota(store: store, uploadsPerPlatform: settings.uploadsPerPlatform, spoolBytesPerPlatform: settings.spoolBytesPerPlatform),
                   minimumBytesPerSecond: settings.minimumUploadBytesPerSecond,
                   gracePeriod: .milliseconds(Int64(settings.uploadGraceSeconds * 1000))).register(on: group)
        SocialGraphRoutes(store: store, maximumHeld: settings.maximumEdgesPerPlatform).register(on: group)
        DemandRoutes(store: store).register(on: group)
        CampaignRoutes(store: store).register(on: group)
        SuppressionReportRoutes(store: store).register(platformAPI: group)
        ReviewerRoutes(store: store).register(on: group)
        SyndicationRoutes(store: store).register(on: group)
        WebhookRoutes(store: store, addresses: WebhookAddressPolicy(allowPrivateAddresses: pipeline.configuration.pipeline.webhooks.allowPrivateAddresses))
            .register(on: group)
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
