import Testing
@testable import VouchServer

/// Security: clients looping on the login form queue behind each other instead of
/// refusing a real moderator's check.
@Suite struct PasswordCheckQueueTests {
    @Test func aCheckWaitsForASlotInsteadOfBeingRefused() async throws {
        let queue = PasswordCheckQueue(slots: 2, maximumWaiting: 4)
        let hogs = (0..<2).map { _ in Task { await queue.run { try? await Task.sleep(for: .milliseconds(300)); return "hog" } } }
        try await Task.sleep(for: .milliseconds(50))
        #expect(await queue.run { "moderator" } == "moderator", "the real login ran once a slot freed")
        for hog in hogs { #expect(await hog.value == "hog") }
    }

    @Test func aFullQueueRefuses() async throws {
        let queue = PasswordCheckQueue(slots: 1, maximumWaiting: 1)
        let running = Task { await queue.run { try? await Task.sleep(for: .milliseconds(400)); return 1 } }
        try await Task.sleep(for: .milliseconds(50))
        let waiting = Task { await queue.run { 2 } }
        try await Task.sleep(for: .milliseconds(50))
        #expect(await queue.run { 3 } == nil, "past the queue's length a check is refused")
        #expect(await running.value == 1)
        #expect(await waiting.value == 2)
    }
}
