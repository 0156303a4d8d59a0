import Foundation
import Testing
import VouchStore
import VouchTestSupport

@Suite struct LoginThrottleTests {
    @Test(arguments: TestEngine.available)
    func aKeyIsBlockedAtItsMaximumUntilTheWindowEnds(_ engine: TestEngine) async throws {
        try await withStore(engine) { fixture in
            let store = fixture.store
            let now = Date()
            let pair = LoginThrottleKey(key: "address:192.0.2.1 name:mo", maximumFailures: 3)
            let address = LoginThrottleKey(key: "address:192.0.2.1", maximumFailures: 10)
            for _ in 0..<2 { try await store.recordLoginFailure([address, pair], window: 900, now: now) }
            #expect(try await store.loginBlocked([address, pair], now: now) == nil)
            try await store.recordLoginFailure([address, pair], window: 900, now: now)
            #expect(try await store.loginBlocked([pair], now: now) != nil)
            #expect(try await store.loginBlocked([address], now: now) == nil, "the address has room for other names")
            #expect(try await store.loginBlocked([pair], now: now.addingTimeInterval(901)) == nil, "the block ends with its window")
            try await store.clearLoginFailures(pair)
            #expect(try await store.loginBlocked([pair], now: now) == nil)
        }
    }
}
