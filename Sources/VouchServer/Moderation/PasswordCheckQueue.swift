/// Runs at most a few scrypt derivations at once (each takes 128 MiB at the defaults),
/// queueing the rest in arrival order rather than refusing them: a client looping on the
/// login form then waits its turn behind real moderators instead of locking them out.
/// Only when the queue itself is full is a check refused.
actor PasswordCheckQueue {
    private let slots: Int
    private let maximumWaiting: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(slots: Int = 2, maximumWaiting: Int = 64) {
        self.slots = max(1, slots)
        self.maximumWaiting = maximumWaiting
    }

    /// Checks waiting for a slot.
    var queued: Int { waiting.count }

    /// Runs `check` when a slot is free; nil when the queue is full.
    func run<Result: Sendable>(_ check: @Sendable () async -> Result) async -> Result? {
        if running < slots {
            running += 1
        } else {
            guard waiting.count < maximumWaiting else { return nil }
            await withCheckedContinuation { waiting.append($0) }
        }
        let result = await check()
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
        return result
    }
}
