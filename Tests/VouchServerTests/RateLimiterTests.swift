import Testing
@testable import VouchServer

@Suite struct RateLimiterTests {
    static func limiter(rate: Double, burst: Double, maximumKeys: Int = 100_000) -> RateLimiter {
        var settings = RateLimitSettings()
        settings.requestsPerSecond = rate
        settings.burst = burst
        return RateLimiter(settings: settings, maximumKeys: maximumKeys)
    }

    @Test func aBucketEmptiesThenRefillsAtItsRate() async {
        let limiter = Self.limiter(rate: 2, burst: 2)
        let start = ContinuousClock.now
        #expect(await limiter.admit(["a"], at: start) == nil)
        #expect(await limiter.admit(["a"], at: start) == nil)
        let wait = await limiter.admit(["a"], at: start)
        #expect(wait == .seconds(0.5))
        #expect(await limiter.admit(["b"], at: start) == nil, "each key has its own bucket")
        #expect(await limiter.admit(["a"], at: start.advanced(by: .seconds(0.5))) == nil)
    }

    @Test func aRequestTakesFromEveryBucketOrNone() async {
        let limiter = Self.limiter(rate: 1, burst: 1)
        let start = ContinuousClock.now
        #expect(await limiter.admit(["viewer"], at: start) == nil)
        #expect(await limiter.admit(["address", "viewer"], at: start) != nil)
        #expect(await limiter.admit(["address"], at: start) == nil, "the refused request took nothing from the address's bucket")
    }

    @Test func pruningKeepsBucketsThatAreStillRefilling() async {
        let limiter = Self.limiter(rate: 1, burst: 1, maximumKeys: 2)
        let start = ContinuousClock.now
        #expect(await limiter.admit(["a"], at: start) == nil)
        #expect(await limiter.admit(["b"], at: start) == nil)
        #expect(await limiter.admit(["c"], at: start.advanced(by: .seconds(0.5))) == nil)
        #expect(await limiter.admit(["a"], at: start.advanced(by: .seconds(0.5))) != nil, "a client cannot reset its bucket by crowding the table")
    }
}
