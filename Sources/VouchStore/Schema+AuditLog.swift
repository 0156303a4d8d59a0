import SQLKit

extension Schema {
    /// Makes the audit log append-only in the database itself, not just in Vouch's code:
    /// an UPDATE or DELETE on it fails on both engines.
    @Sendable static func protectAuditLog(_ db: any SQLDatabase, _ engine: StoreDatabase.Engine) async throws {
        switch engine {
        case .sqlite:
            for operation in ["UPDATE", "DELETE"] {
                try await db.raw(SQLQueryString("""
                    CREATE TRIGGER audit_log_no_\(operation.lowercased()) BEFORE \(operation) ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
                    """)).run()
            }
        case .postgres:
            try await db.raw("""
                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$
                """).run()
            try await db.raw("""
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
                """).run()
        }
    }
}
