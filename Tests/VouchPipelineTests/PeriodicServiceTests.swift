import Logging
import ServiceLifecycle
import Testing
@testable import VouchPipeline

/// A periodic service's rounds: a failed one does not end the service, and a graceful
/// shutdown ends it between rounds.
@Suite struct PeriodicServiceTests {
    @Test func roundsGoOnAfterFailuresAndStopAtShutdown() async throws {
        let rounds = Rounds(failing: 2)
        let service = PeriodicService(seconds: 0.01, logger: Logger(label: "test"), failure: { (.warning, "round failed: \($0)") }) {
            try await rounds.run()
        }
        let group = ServiceGroup(services: [service], logger: Logger(label: "test"))
        let running = Task { try await group.run() }
        for _ in 0..<500 where await rounds.count < 5 {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(await rounds.count >= 5, "the rounds after the two failed ones came")
        await group.triggerGracefulShutdown()
        try await running.value
        let atShutdown = await rounds.count
        try await Task.sleep(for: .milliseconds(100))
        #expect(await rounds.count == atShutdown, "no round runs after the shutdown")
    }
}

/// Counts rounds; the first `failing` throw.
private actor Rounds {
    struct Failure: Error {}
    let failing: Int
    private(set) var count = 0

    init(failing: Int) {
        self.failing = failing
    }

    func run() throws {
        count += 1
        if count <= failing { throw Failure() }
    }
}
