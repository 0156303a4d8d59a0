import SQLKit

extension Schema {
    /// The verified C2PA content credentials of each clip (`Provenance` as JSON; NULL for
    /// clips analysed before this step, or not yet analysed).
    @Sendable static func addClipProvenance(_ db: any SQLDatabase, _ engine: StoreDatabase.Engine) async throws {
        try await db.alter(table: "clips").column("provenance", type: .text).run()
    }
}
