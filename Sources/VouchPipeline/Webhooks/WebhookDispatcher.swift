import Foundation
import Logging
import Metrics
import ServiceLifecycle
import VouchStore

/// Empties the webhook outbox: takes due deliveries, signs and posts each, logs the
/// attempt, and schedules a retry with exponential backoff until the receiver answers
/// 2xx or the attempts run out. Every process that runs workers runs one; the store's
/// claims keep two of them from sending the same attempt.
public struct WebhookDispatcher: Service {
    let store: Store
    let sender: any WebhookSender
    let settings: WebhookSettings
    let addresses: WebhookAddressPolicy
    let logger: Logger
    /// Store errors, once a minute each with a count: during an outage every poll fails alike.
    let errors: RepeatedErrorLog

    public init(store: Store, sender: any WebhookSender = HTTPWebhookSender(), resolver: any HostResolver = SystemHostResolver(),
                settings: WebhookSettings, logger: Logger) {
        self.store = store
        self.sender = sender
        self.settings = settings
        addresses = WebhookAddressPolicy(allowPrivateAddresses: settings.allowPrivateAddresses, resolver: resolver)
        self.logger = logger
        errors = RepeatedErrorLog(logger: logger)
    }

    /// What `run`'s pool waits for: an attempt that has ended, or the end of an idle poll.
    private enum Wake: Sendable {
        case attemptEnded, pollEnded
    }

    /// Delivers until a graceful shutdown or cancellation, with up to `batchSize` attempts
    /// in flight. A slot that frees is filled at once, so a receiver that takes its whole
    /// deadline holds one slot, not the deliveries claimed after it. An attempt cut short
    /// by the shutdown is retried later, as after any failed attempt.
    public func run() async {
        await cancelWhenGracefulShutdown { await deliverUntilCancelled() }
    }

    private func deliverUntilCancelled() async {
        await withTaskGroup(of: Wake.self) { pool in
            var inFlight = 0
            var polling = false
            while !Task.isCancelled {
                let free = settings.batchSize - inFlight
                let claimed = free > 0 ? await claim(upTo: free) : []
                for delivery in claimed {
                    pool.addTask {
                        await attemptLoggingStoreErrors(delivery)
                        return .attemptEnded
                    }
                }
                inFlight += claimed.count
                if claimed.count < free && !polling {
                    polling = true
                    pool.addTask {
                        try? await Task.sleep(for: .seconds(settings.pollSeconds))
                        return .pollEnded
                    }
                }
                switch await pool.next() {
                case .attemptEnded: inFlight -= 1
                case .pollEnded: polling = false
                case nil: break
                }
            }
        }
    }

    /// Makes one attempt at each due delivery, concurrently, and waits for them all;
    /// returns how many there were. For tests and one-off runs: `run` does not wait so.
    @discardableResult
    public func deliverDue() async throws -> Int {
        let due = try await store.claimDeliveries(limit: settings.batchSize, leaseSeconds: settings.retry.leaseSeconds)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for delivery in due {
                group.addTask { try await attempt(delivery) }
            }
            try await group.waitForAll()
        }
        return due.count
    }

    private func claim(upTo limit: Int) async -> [PendingDelivery] {
        do {
            return try await store.claimDeliveries(limit: limit, leaseSeconds: settings.retry.leaseSeconds)
        } catch {
            await errors.log(.error, "webhook dispatcher could not reach the store: \(error)")
            return []
        }
    }

    private func attemptLoggingStoreErrors(_ delivery: PendingDelivery) async {
        do {
            try await attempt(delivery)
        } catch is CancellationError {
            logger.info("webhook attempt left unrecorded at shutdown; it is made again when its lease ends", metadata: ["delivery": "\(delivery.id)"])
        } catch {
            await errors.log(.error, "webhook dispatcher could not record an attempt: \(error)", metadata: ["delivery": "\(delivery.id)"])
        }
    }

    private func attempt(_ delivery: PendingDelivery) async throws {
        let result: DeliveryResult
        do {
            let destination = try await addresses.destination(delivery.url)
            let body = Data(delivery.payload.utf8)
            let signature = WebhookSignature(signing: body, secret: delivery.secret, at: Int64(store.clock.now().timeIntervalSince1970))
            result = await sender.post(body, to: destination, headers: [
                "Content-Type": "application/json",
                "User-Agent": "Vouch-Webhooks/1",
                "Vouch-Event": delivery.event.rawValue,
                "Vouch-Delivery": "\(delivery.id)",
                "Vouch-Signature": signature.header,
            ], timeout: settings.attemptTimeout)
        } catch {
            result = DeliveryResult(statusCode: nil, error: "refused: \(error)", duration: .zero)
        }
        let retryAt = result.delivered || delivery.attempt >= settings.retry.maxAttempts
            ? nil : store.clock.now().addingTimeInterval(settings.retry.backoff(afterAttempt: delivery.attempt))
        try await store.record(result, of: delivery, retryAt: retryAt)
        let outcome = result.delivered ? "delivered" : retryAt == nil ? "failed" : "retrying"
        Counter(label: "vouch_webhook_attempts_total", dimensions: [("outcome", outcome)]).increment()
        if !result.delivered {
            logger.warning("webhook attempt failed", metadata: ["delivery": "\(delivery.id)", "attempt": "\(delivery.attempt)",
                                                                "status": "\(result.statusCode.map(String.init) ?? "none")", "error": "\(result.error ?? "")"])
        }
    }
}
