import Foundation
import VouchStore

/// A clip's state as the platform API shows it to the platform that sent it.
struct ClipStatusBody: Codable, Sendable {
    struct Flag: Codable, Sendable {
        var kind: String
        var detail: String
    }

    var id: Int64
    var status: String
    var verdict: String?
    var score: Double?
    var contentSHA256: String
    var product: String
    var flags: [Flag]
    var failure: String?
    var createdAt: Date
    var updatedAt: Date

    init(_ clip: ClipRecord, flags: [ClipFlag]) {
        id = clip.id
        status = clip.status.rawValue
        verdict = clip.verdict
        score = clip.score
        contentSHA256 = clip.contentSHA256
        product = clip.productID
        self.flags = flags.map { Flag(kind: $0.kind, detail: $0.detail) }
        failure = clip.failure
        createdAt = clip.createdAt
        updatedAt = clip.updatedAt
    }
}
