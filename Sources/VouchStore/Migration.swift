import SQLKit

/// One versioned step of the schema. Steps only ever add: a released step is never edited.
struct Migration: Sendable {
    let version: Int
    let name: String
    let apply: @Sendable (any SQLDatabase, StoreDatabase.Engine) async throws -> Void
}
