import Foundation
import SQLKit
import VouchModel

/// A clip whose media may go: it was rejected or erased. `keys` are its media keys to
/// unlink; `shared` are those another clip shoppers or moderators may still see also
/// uses, whose objects must stay.
public struct ReleasableMedia: Sendable, Equatable {
    public var clip: Int64
    public var keys: [String]
    public var shared: Set<String>

    /// The keys whose objects can be deleted.
    public var deletable: [String] { keys.filter { !shared.contains($0) } }
}

extension Store {
    /// The media columns, for reading and for finding every clip that uses a key.
    static let mediaColumns = ["original_key", "rendition_key", "poster_key"]

    /// Whether shoppers may fetch the object `key`: a rendition or poster of a published clip.
    public func isPublicMedia(_ key: String) async throws -> Bool {
        try await database.run { db in
            try await db.raw("""
                SELECT id FROM clips WHERE (rendition_key = \(bind: key) OR poster_key = \(bind: key))
                AND status = \(bind: ClipStatus.published.rawValue) LIMIT 1
                """).first() != nil
        }
    }

    /// Whether moderators may fetch the object `key`: any media of a clip not erased, held ones and originals included.
    public func isModeratedMedia(_ key: String) async throws -> Bool {
        try await database.run { db in
            try await db.raw("""
                SELECT id FROM clips WHERE (original_key = \(bind: key) OR rendition_key = \(bind: key) OR poster_key = \(bind: key))
                AND status <> \(bind: ClipStatus.erased.rawValue) LIMIT 1
                """).first() != nil
        }
    }

    /// The media of `clip` for moderators and the API: nil when it has none.
    public func media(clip: Int64) async throws -> ClipMedia? {
        try await database.run { db in
            guard let row = try await db.select().columns(Self.mediaColumns).from("clips").where("id", .equal, clip).first() else { return nil }
            let media = ClipMedia(originalKey: try row.decode(column: "original_key", as: String?.self),
                                  renditionKey: try row.decode(column: "rendition_key", as: String?.self),
                                  posterKey: try row.decode(column: "poster_key", as: String?.self))
            return media == ClipMedia() ? nil : media
        }
    }

    /// Up to `limit` rejected or erased clips that still name media. A rejected clip keeps
    /// its original when `keepRejectedOriginals` (retention for appeals or evidence); an
    /// erased one keeps nothing. Keys are content addresses, so an object is deleted only
    /// when no clip that is not rejected or erased uses it too: a copy's rejection never
    /// deletes the media of the clip it copied.
    public func releasableMedia(keepRejectedOriginals: Bool, limit: Int) async throws -> [ReleasableMedia] {
        let rejected = ClipStatus.rejected.rawValue
        let erased = ClipStatus.erased.rawValue
        return try await database.run { db in
            let original: SQLQueryString = keepRejectedOriginals ? "(original_key IS NOT NULL AND status = \(bind: erased))" : "original_key IS NOT NULL"
            let rows = try await db.raw("""
                SELECT id, status, original_key, rendition_key, poster_key FROM clips
                WHERE status IN (\(bind: rejected), \(bind: erased)) AND (\(original) OR rendition_key IS NOT NULL OR poster_key IS NOT NULL)
                ORDER BY id LIMIT \(bind: max(1, limit))
                """).all()
            var releasable: [ReleasableMedia] = []
            for row in rows {
                let clip = try row.decode(column: "id", as: Int64.self)
                let status = try row.decode(column: "status", as: String.self)
                let keepOriginal = keepRejectedOriginals && status == rejected
                let keys = try Self.mediaColumns.filter { !(keepOriginal && $0 == "original_key") }
                    .compactMap { try row.decode(column: $0, as: String?.self) }
                var shared: Set<String> = []
                for key in keys where try await Self.isUsed(key, byAnyClipBut: clip, in: db) { shared.insert(key) }
                releasable.append(ReleasableMedia(clip: clip, keys: keys, shared: shared))
            }
            return releasable
        }
    }

    /// Unlinks `keys` from `clip`, once their objects are deleted (or kept for another clip).
    public func forgetMedia(_ keys: [String], of clip: Int64) async throws {
        guard !keys.isEmpty else { return }
        try await database.run { db in
            for column in Self.mediaColumns {
                try await db.update("clips").set(column, to: SQLLiteral.null).where("id", .equal, clip)
                    .where(SQLIdentifier(column), .in, keys).run()
            }
        }
    }

    private static func isUsed(_ key: String, byAnyClipBut clip: Int64, in db: any SQLDatabase) async throws -> Bool {
        try await db.raw("""
            SELECT id FROM clips WHERE id <> \(bind: clip) AND status NOT IN (\(bind: ClipStatus.rejected.rawValue), \(bind: ClipStatus.erased.rawValue))
            AND (original_key = \(bind: key) OR rendition_key = \(bind: key) OR poster_key = \(bind: key)) LIMIT 1
            """).first() != nil
    }
}
