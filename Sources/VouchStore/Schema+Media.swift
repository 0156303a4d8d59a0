import SQLKit

extension Schema {
    /// Where each clip's media is kept in the media store: the verified original, the web
    /// rendition and its poster, as content-addressed keys (NULL until made, and again once
    /// deleted); and when a reviewer's words and media were erased on request.
    @Sendable static func addClipMedia(_ db: any SQLDatabase, _ engine: StoreDatabase.Engine) async throws {
        for column in ["original_key", "rendition_key", "poster_key"] {
            try await db.alter(table: "clips").column(column, type: .text).run()
            try await db.create(index: "clips_by_\(column)").on("clips").column(column).run()
        }
        try await db.alter(table: "clips").column("erased_at", type: .bigint).run()
    }
}
