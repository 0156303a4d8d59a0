import Foundation

/// Token buckets by client key: a request takes a token; tokens come back at a fixed
/// rate up to the burst. Buckets that have filled up again are forgotten when there
/// are many, so memory stays bounded by the clients of the last few seconds.
actor RateLimiter {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let rate: Double
    private let burst: Double
    private let maximumKeys: Int
    private var buckets: [String: Bucket] = [:]

    init(settings: RateLimitSettings, maximumKeys: Int = 100_000) {
        rate = max(settings.requestsPerSecond, .ulpOfOne)
        burst = max(settings.burst, 1)
        self.maximumKeys = maximumKeys
    }

    /// Takes a token from each of `keys`' buckets; when one is empty, takes none and
    /// returns how long until it has one again.
    func admit(_ keys: [String], at now: ContinuousClock.Instant = .now) -> Duration? {
        var refilled: [(String, Bucket)] = []
        for key in keys {
            var bucket = buckets[key] ?? Bucket(tokens: burst, updated: now)
            let elapsed = now - bucket.updated
            bucket.tokens = min(burst, bucket.tokens + rate * (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            bucket.updated = now
            guard bucket.tokens >= 1 else { return .seconds((1 - bucket.tokens) / rate) }
            refilled.append((key, bucket))
        }
        if buckets.count + refilled.count > maximumKeys { forgetFullBuckets(at: now) }
        for (key, bucket) in refilled {
            buckets[key] = Bucket(tokens: bucket.tokens - 1, updated: bucket.updated)
        }
        return nil
    }

    private func forgetFullBuckets(at now: ContinuousClock.Instant) {
        let refillTime = Duration.seconds(burst / rate)
        buckets = buckets.filter { now - $0.value.updated < refillTime }
    }
}
