import Foundation
import VouchStore

/// Checks a name and password against the configured moderators, under the throttle.
///
/// An unknown name costs the same scrypt derivation as a known one, against a dummy
/// hash of the same cost, so response times do not tell which names exist.
struct ModeratorLogin: Sendable {
    let accounts: [String: ModeratorAccount]
    let throttle: LoginThrottle
    let store: Store
    private let dummy: PasswordHash?

    init(accounts: [String: ModeratorAccount], settings: ModerationSettings, store: Store) {
        self.accounts = accounts
        self.store = store
        throttle = LoginThrottle(maximumFailures: settings.maximumFailedLogins, window: settings.lockoutMinutes * 60)
        dummy = settings.users.first.flatMap { try? PasswordHash.make(password: SessionSecret.generate(), cost: $0.passwordHash.cost) }
    }

    /// Why a login was refused.
    enum Refusal: Error {
        case wrongCredentials, lockedOut, busy
    }

    /// The account whose password this is; throws a ``Refusal`` otherwise.
    func authenticate(name: String, password: String) async throws -> ModeratorAccount {
        let now = store.clock.now()
        let account = accounts[name]
        if account != nil, await throttle.isLocked(name, now: now) {
            try await store.recordFailedLogin(moderator: name, reason: "locked out after repeated failures")
            throw Refusal.lockedOut
        }
        guard await throttle.beginCheck() else { throw Refusal.busy }
        let hash = account?.passwordHash ?? dummy
        let matches = await Self.verify(password, against: hash)
        await throttle.endCheck()
        guard let account, matches else {
            if account != nil {
                await throttle.recordFailure(of: name, now: now)
                try await store.recordFailedLogin(moderator: name, reason: "wrong password")
            }
            throw Refusal.wrongCredentials
        }
        await throttle.recordSuccess(of: name)
        return account
    }

    /// Runs the derivation on a Dispatch thread: it takes tens to hundreds of
    /// milliseconds, which must not hold one of the few cooperative threads.
    private static func verify(_ password: String, against hash: PasswordHash?) async -> Bool {
        guard let hash else { return false }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: hash.verify(password)) }
        }
    }
}
