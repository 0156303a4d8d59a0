import Foundation
import VouchStore

/// Checks a name and password against the registered moderators, under a throttle every
/// API process shares through the store.
///
/// Refusals are counted per client address (however many names it tries) and per
/// address and name together, never per name alone, so nobody can lock a moderator out
/// from elsewhere. A throttled attempt, an unknown name and a wrong password get the same
/// answer, so none tells which names exist; an unknown name costs the same scrypt
/// derivation as a known one, against a dummy hash of the same cost, so response times do
/// not tell either. Only attempts that reach a password check are counted and audited, so
/// a client hammering a blocked name writes nothing.
struct ModeratorLogin: Sendable {
    let registry: LiveRegistry
    let settings: ModerationSettings
    let store: Store
    let checks = PasswordCheckQueue()

    /// Why a login was refused.
    enum Refusal: Error {
        /// Wrong name or password, or too many refusals from this client: told apart to nobody.
        case refused
        /// Too many password checks are already waiting.
        case busy
    }

    /// The account whose password this is; throws a ``Refusal`` otherwise.
    func authenticate(name: String, password: String, from address: String?) async throws -> ModeratorAccount {
        let now = store.clock.now()
        let client = address ?? "unknown"
        let keys = [LoginThrottleKey(key: "address:\(client)", maximumFailures: settings.maximumFailedLoginsPerAddress),
                    LoginThrottleKey(key: "address:\(client) name:\(name.prefix(200))", maximumFailures: settings.maximumFailedLogins)]
        if try await store.loginBlocked(keys, now: now) != nil { throw Refusal.refused }
        let moderators = await registry.snapshot()
        let account = moderators.moderators[name]
        let hash = account?.passwordHash ?? moderators.dummyPasswordHash
        guard let matches = await checks.run({ await Self.verify(password, against: hash) }) else { throw Refusal.busy }
        guard let account, matches else {
            try await store.recordLoginFailure(keys, window: settings.lockoutMinutes * 60, now: now)
            if account != nil { try await store.recordFailedLogin(moderator: name, reason: "wrong password from \(client)") }
            throw Refusal.refused
        }
        try await store.clearLoginFailures(keys[1])
        return account
    }

    private static func verify(_ password: String, against hash: PasswordHash?) async -> Bool {
        guard let hash else { return false }
        return await PasswordHash.offCooperativeThreads { hash.verify(password) }
    }
}
