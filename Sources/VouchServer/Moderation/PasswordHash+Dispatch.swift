import Foundation

extension PasswordHash {
    /// Runs a derivation on a Dispatch thread: scrypt takes tens to hundreds of
    /// milliseconds, which must not hold one of the few cooperative threads.
    static func offCooperativeThreads<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }

    /// A new hash of `password` at the recommended cost, derived off the cooperative threads.
    static func makeOffCooperativeThreads(password: String) async throws -> PasswordHash {
        try await offCooperativeThreads { Result { try PasswordHash.make(password: password) } }.get()
    }
}
