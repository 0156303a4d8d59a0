import Foundation
import Testing
import VouchStore
import VouchTestSupport

/// Scale-out: processes started at the same moment on an empty PostgreSQL database all
/// come up, whichever of them migrates it.
@Suite(.serialized) struct ConcurrentStartTests {
    @Test(.enabled(if: TestEngine.available.contains(.postgres), "needs the test PostgreSQL"))
    func sixProcessesStartingAtOnceOnAnEmptyDatabaseAllComeUp() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-start-\(UUID())")
        defer { try? FileManager.default.removeItem(at: data) }
        for trial in 1...20 {
            let database = try await TestEngine.postgres.makeDatabase()
            guard case .postgres(let url) = database.location else { throw CancellationError() }
            let runs = try (0..<6).map { _ in try StartedProcess(["log", "check", "--database", url, "--data", data.path]) }
            for run in runs {
                let (status, output) = run.finish()
                #expect(status == 0, "trial \(trial): \(output)")
            }
            let store = try await Store.open(database.location)
            #expect(try await store.logSize() == 0)
            try await store.close()
            await database.drop()
        }
    }
}

/// A `vouch` process started now and waited for later, so several can start at once.
private struct StartedProcess {
    let process = Process()
    let output = Pipe()

    init(_ arguments: [String]) throws {
        process.executableURL = VouchExecutable.url
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    func finish() -> (Int32, String) {
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
