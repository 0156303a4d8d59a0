import NIOCore
import PostgresKit

extension StoreDatabase {
    /// A driver's error as the store reports it. The database being out of reach (a refused
    /// or dropped connection, a pool that timed out, a server shutting down or out of
    /// connections) becomes ``StoreError/unavailable(_:reason:)``, which callers tell apart
    /// from a refused statement and answer with "try again" (HTTP 503), never as the
    /// client's fault. The reason names what failed for the operator's log.
    func classified(_ error: any Error) -> any Error {
        switch error {
        case let error as PSQLError:
            if error.code == .server {
                let state = error.serverInfo?[.sqlState] ?? ""
                // 08: connection exception; 53: insufficient resources; 57P: operator intervention.
                guard state.hasPrefix("08") || state.hasPrefix("53") || state.hasPrefix("57P") else { return error }
                return StoreError.unavailable(location.description, reason: "PostgreSQL refused the session (SQLSTATE \(state): \(error.serverInfo?[.message] ?? "no message"))")
            }
            return StoreError.unavailable(location.description, reason: "PostgreSQL connection failed (\(error.code))\(error.underlying.map { ": \($0)" } ?? "")")
        case is ConnectionPoolTimeoutError:
            return StoreError.unavailable(location.description, reason: "no PostgreSQL connection became free within 30 s: is the server up, and max_connections high enough?")
        case is ConnectionPoolError:
            return StoreError.unavailable(location.description, reason: "the connection pool is shut down")
        case let error as IOError:
            return StoreError.unavailable(location.description, reason: "cannot reach the database: \(error)")
        case let error as ChannelError:
            return StoreError.unavailable(location.description, reason: "the connection to the database broke: \(error)")
        default:
            return error
        }
    }
}
