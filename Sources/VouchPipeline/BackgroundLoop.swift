import ServiceLifecycle

/// A loop that runs until cancelled (the index follower, the log signer, the spool
/// sweeper…), as a service: a graceful shutdown cancels it, since it holds nothing that
/// needs finishing.
///
/// A loop with nothing to do (the log's self-check turned off in a process without the
/// key) returns at once; it then waits for the shutdown, because a service that returns
/// ends its whole group, and the process with it.
struct BackgroundLoop: Service {
    let body: @Sendable () async -> Void

    func run() async {
        await cancelWhenGracefulShutdown {
            await body()
            try? await gracefulShutdown()
        }
    }
}
