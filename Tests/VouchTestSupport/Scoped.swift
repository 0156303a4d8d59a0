/// Makes a fixture, runs `body` with it, and tears it down whether `body` passes or throws.
public func withFixture<Fixture>(
    _ make: () async throws -> Fixture, tearDown: (Fixture) async -> Void, _ body: (Fixture) async throws -> Void
) async throws {
    let fixture = try await make()
    do {
        try await body(fixture)
    } catch {
        await tearDown(fixture)
        throw error
    }
    await tearDown(fixture)
}
