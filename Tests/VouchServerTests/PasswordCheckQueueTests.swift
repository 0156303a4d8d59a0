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
        let (first, releaseFirst) = AsyncStream.makeStream(of: Void.self)
        let (second, releaseSecond) = AsyncStream.makeStream(of: Void.self)
        let one = Task { await queue.run { for await _ in first { break }; return 1 } }
        let two = Task { await queue.run { for await _ in second { break }; return 2 } }
        while await queue.queued == 0 { await Task.yield() }
        #expect(await queue.run { 3 } == nil, "with one check running and one waiting, a third is refused")
        releaseFirst.finish()
        releaseSecond.finish()
        #expect(await one.value == 1)
        #expect(await two.value == 2)
    }
}
