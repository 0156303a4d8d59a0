import SQLKit
import VouchModel

extension Store {
    /// The bytes `platform`'s clips hold in the spool: those still waiting for, or in,
    /// analysis.
    public func spooledBytes(platform: String) async throws -> Int64 {
        try await database.run { db in
            try await db.raw("""
                SELECT CAST(COALESCE(SUM(byte_count), 0) AS BIGINT) AS held FROM clips
                WHERE platform_id = \(bind: platform) AND spool_path IS NOT NULL
                AND status IN (\(bind: ClipStatus.received.rawValue), \(bind: ClipStatus.processing.rawValue))
                """).first()?.decode(column: "held", as: Int64.self) ?? 0
        }
    }

    /// Every spool file a clip still needs.
    public func spoolPathsInUse() async throws -> Set<String> {
        try await database.run { db in
            Set(try await db.select().column("spool_path").from("clips").where("spool_path", .isNot, SQLLiteral.null).all()
                .map { try $0.decode(column: "spool_path", as: String.self) })
        }
    }
}
