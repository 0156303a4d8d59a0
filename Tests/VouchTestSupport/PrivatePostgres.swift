import Foundation

/// A PostgreSQL server of a test's own, which the test may stop and start to play an
/// outage; made with the same script functions as the shared test server.
public final class PrivatePostgres: Sendable {
    public let url: String
    private let directory: String
    private let port: String

    /// Starts a new cluster on a free port, or nil when no PostgreSQL server is installed.
    public init?() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-pg-\(UUID())").path
        guard let port = try? Self.shell("free_port").trimmingCharacters(in: .whitespacesAndNewlines), !port.isEmpty,
              (try? Self.shell("postgres_bin")) != nil else { return nil }
        try Self.shell("""
            mkdir -p '\(directory)'; [ "$(id -u)" -eq 0 ] && chown postgres:postgres '\(directory)'
            as_postgres "$(postgres_bin)/initdb" -D '\(directory)/data' -U postgres --auth=trust -E UTF8 >/dev/null
            echo "port = \(port)" >> '\(directory)/data/postgresql.conf'
            echo "listen_addresses = '127.0.0.1'" >> '\(directory)/data/postgresql.conf'
            echo "unix_socket_directories = '\(directory)'" >> '\(directory)/data/postgresql.conf'
            echo "fsync = off" >> '\(directory)/data/postgresql.conf'
            """)
        self.directory = directory
        self.port = port
        url = "postgres://postgres@127.0.0.1:\(port)/postgres?sslmode=disable"
        try start()
    }

    public func start() throws {
        // The server must not inherit the descriptor Foundation watches to learn that the
        // shell exited, or the shell would seem to run as long as the server does.
        try Self.shell("""
            for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null || true; done
            as_postgres "$(postgres_bin)/pg_ctl" -D '\(directory)/data' -l '\(directory)/log' -w start >/dev/null
            """)
        try Self.shell("for _ in $(seq 100); do \"$(postgres_bin)/pg_isready\" -q -h 127.0.0.1 -p \(port) && exit 0; sleep 0.1; done; exit 1")
    }

    /// Stops the server at once, as a crash or a network partition would: open connections break.
    public func stop() throws {
        try Self.shell("as_postgres \"$(postgres_bin)/pg_ctl\" -D '\(directory)/data' -m immediate -w stop >/dev/null")
    }

    public func remove() {
        try? stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs `script` after sourcing the test PostgreSQL functions; returns its output, read
    /// from a file rather than a pipe, which the server it starts would hold open.
    @discardableResult
    private static func shell(_ script: String) throws -> String {
        let library = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Scripts/lib/postgres.sh").standardized.path
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-pg-output-\(UUID())")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "set -e; source '\(library)'; { \(script); } > '\(output.path)' 2>&1 < /dev/null"]
        try process.run()
        process.waitUntilExit()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else { throw ExternalTool.Failure(tool: "bash", arguments: [script, text], status: process.terminationStatus) }
        return text
    }
}
