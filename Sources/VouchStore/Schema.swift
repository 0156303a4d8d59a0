import SQLKit

/// The schema's versioned steps, oldest first.
enum Schema {
    static let migrations: [Migration] = [
        Migration(version: 1, name: "core tables", apply: createCoreTables),
        Migration(version: 2, name: "append-only audit log", apply: protectAuditLog),
        Migration(version: 3, name: "moderation", apply: createModerationTables),
        Migration(version: 4, name: "webhooks and shopper index", apply: createWebhooksAndShopperIndex),
        Migration(version: 5, name: "review log", apply: createReviewLog),
        Migration(version: 6, name: "shared secrets and login throttle", apply: createSecurityTables),
        Migration(version: 7, name: "platform and moderator registry", apply: createRegistryTables),
        Migration(version: 8, name: "clip provenance", apply: addClipProvenance),
        Migration(version: 9, name: "demand signals", apply: createDemandTables),
        Migration(version: 10, name: "review content", apply: addReviewContent),
        Migration(version: 11, name: "clip media", apply: addClipMedia),
        Migration(version: 12, name: "syndication", apply: createSyndicationTables),
        Migration(version: 13, name: "covering social lookups", apply: coverSocialLookups),
        Migration(version: 14, name: "common-content bank", apply: createCommonContentBank),
    ]
}

extension SQLDataType {
    /// Eight-byte floating point on both engines (SQLKit's `.real` is four bytes on PostgreSQL).
    static let double = SQLDataType.custom(SQLRaw("DOUBLE PRECISION"))
    /// BOOLEAN on both engines (SQLite stores 0 and 1).
    static let boolean = SQLDataType.custom(SQLRaw("BOOLEAN"))
}
