import ServiceLifecycle

/// A loop that runs until cancelled (the index follower, the log signer, the spool
/// sweeper…), as a service: a graceful shutdown cancels it, since it holds nothing that
/// needs finishing.
struct BackgroundLoop: Service {
    let body: @Sendable () async -> Void

    func run() async {
        await cancelWhenGracefulShutdown(body)
    }
}
