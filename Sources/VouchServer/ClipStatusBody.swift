import Foundation
import VouchStore

/// A clip's state as the platform API shows it to the platform that sent it.
///
/// Flags are described by their kind alone: the stored detail names the clips matched,
/// which may be another platform's, and would tell an uploader which videos Vouch has
/// seen and where. Moderators see the detail; platforms see what happened.
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
        self.flags = flags.map { Flag(kind: $0.kind, detail: Self.describe(kind: $0.kind)) }
        failure = clip.failure
        createdAt = clip.createdAt
        updatedAt = clip.updatedAt
    }

    static func describe(kind: String) -> String {
        switch kind {
        case "copy-of-other-identity": "the clip matches an earlier clip from another reviewer"
        case "reference-footage": "the clip matches brand or stock footage in the reference bank"
        case "banned-identity": "the reviewer's identity is banned"
        case "ring": "the reviewer is one of a group of low-trust identities that posted copies or reviewed together"
        default: "held for a moderator"
        }
    }
}
