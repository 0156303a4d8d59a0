import Foundation
import SQLKit

/// One counter of refused logins, and when it blocks: by client address, or by address
/// and name together.
public struct LoginThrottleKey: Sendable, Hashable {
    public var key: String
    /// Refusals within the window that block the key for the rest of it.
    public var maximumFailures: Int

    public init(key: String, maximumFailures: Int) {
        self.key = key
        self.maximumFailures = maximumFailures
    }
}

extension Store {
    /// When the latest of `keys`' blocks ends, if one is in force at `now`.
    public func loginBlocked(_ keys: [LoginThrottleKey], now: Date) async throws -> Date? {
        let names = keys.map(\.key)
        let nowMilliseconds = now.storeMilliseconds
        return try await database.run { db in
            try await db.select().column("blocked_until").from("login_failures").where(SQLColumn("throttle_key"), .in, SQLBind.group(names))
                .where("blocked_until", .greaterThan, nowMilliseconds).all()
                .map { try $0.decode(column: "blocked_until", as: Int64.self) }.max().map(Date.init(storeMilliseconds:))
        }
    }

    /// Counts one refused login against each key, blocking a key that reaches its maximum
    /// within `window` until the window ends; forgets counters whose window has passed.
    public func recordLoginFailure(_ keys: [LoginThrottleKey], window: TimeInterval, now: Date) async throws {
        let nowMilliseconds = now.storeMilliseconds
        let windowMilliseconds = Int64(window * 1000)
        try await database.transaction { db in
            try await db.delete(from: "login_failures").where("window_start", .lessThan, nowMilliseconds - windowMilliseconds)
                .where("blocked_until", .lessThan, nowMilliseconds).run()
            for key in keys {
                let row = try await db.select().columns("failures", "window_start").from("login_failures").where("throttle_key", .equal, key.key).first()
                var failures = 1
                var start = nowMilliseconds
                if let row, try row.decode(column: "window_start", as: Int64.self) >= nowMilliseconds - windowMilliseconds {
                    failures = try row.decode(column: "failures", as: Int.self) + 1
                    start = try row.decode(column: "window_start", as: Int64.self)
                }
                let blockedUntil = failures >= key.maximumFailures ? nowMilliseconds + windowMilliseconds : 0
                try await db.insert(into: "login_failures").columns("throttle_key", "failures", "window_start", "blocked_until")
                    .values(SQLBind(key.key), SQLBind(failures), SQLBind(start), SQLBind(blockedUntil))
                    .onConflict(with: ["throttle_key"]) { try $0.set(excludedValueOf: "failures").set(excludedValueOf: "window_start").set(excludedValueOf: "blocked_until") }
                    .run()
            }
        }
    }

    /// Forgets `key`'s refusals, after a login that succeeded.
    public func clearLoginFailures(_ key: LoginThrottleKey) async throws {
        try await database.run { db in try await db.delete(from: "login_failures").where("throttle_key", .equal, key.key).run() }
    }
}
