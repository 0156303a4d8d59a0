import Foundation
import SQLKit
import Synchronization
import VouchStore

/// The engines the store's tests run on: SQLite always, PostgreSQL when the test
/// command started one and exported `VOUCH_TEST_POSTGRES_URL`.
public enum TestEngine: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite, postgres

    public static var available: [TestEngine] {
        ProcessInfo.processInfo.environment["VOUCH_TEST_POSTGRES_URL"] == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public var description: String { rawValue }

    /// A fresh, empty database on this engine; `drop` removes it.
    public func makeDatabase() async throws -> TestDatabase {
        let name = "vouch_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(name)
            return TestDatabase(location: .sqlite(path: directory.appendingPathComponent("vouch.sqlite").path)) {
                try? FileManager.default.removeItem(at: directory)
            }
        case .postgres:
            let admin = ProcessInfo.processInfo.environment["VOUCH_TEST_POSTGRES_URL"]!
            let server = try await StoreDatabase.open(.postgres(url: admin))
            try await server.run { try await $0.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            try await server.close()
            var components = URLComponents(string: admin)!
            components.path = "/\(name)"
            return TestDatabase(location: .postgres(url: components.string!)) {
                guard let server = try? await StoreDatabase.open(.postgres(url: admin)) else { return }
                _ = try? await server.run { try await $0.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run() }
                try? await server.close()
            }
        }
    }
}

/// A database made for one test.
public struct TestDatabase: Sendable {
    public let location: StoreLocation
    public let drop: @Sendable () async -> Void
}

/// A clock that moves only when a test moves it.
public final class ManualClock: WallClock {
    private let current: Mutex<Date>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        current = Mutex(start)
    }

    public func now() -> Date { current.withLock { $0 } }

    public func advance(by seconds: Double) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
