/// Ticks at once, then every `seconds` (jittered by ±20%, so workers started together
/// spread out), until the consuming task is cancelled: the rhythm of an idle loop.
struct PollingTicks: AsyncSequence, Sendable {
    typealias Element = Void
    let seconds: Double

    struct AsyncIterator: AsyncIteratorProtocol {
        let seconds: Double
        var started = false

        mutating func next() async -> Void? {
            guard started else {
                started = true
                return ()
            }
            do {
                try await Task.sleep(for: .seconds(seconds * Double.random(in: 0.8...1.2)))
                return ()
            } catch {
                return nil
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(seconds: seconds)
    }
}
