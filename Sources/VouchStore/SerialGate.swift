/// Lets one task at a time through, in arrival order.
///
/// The embedded engine has a single SQLite connection: a transaction on it must not
/// interleave with another task's statements, so every use of it passes this gate.
actor SerialGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }

    func passing<R: Sendable>(_ body: @Sendable () async throws -> R) async throws -> R {
        await enter()
        do {
            let result = try await body()
            leave()
            return result
        } catch {
            leave()
            throw error
        }
    }
}
