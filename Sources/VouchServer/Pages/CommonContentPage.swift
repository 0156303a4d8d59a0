import Foundation
import VouchStore

/// The common-content bank: what matches are discounted for (end cards, intros), where
/// each entry came from, and, for admins, a form to remove it.
struct CommonContentPage: Sendable {
    struct Entry: Sendable {
        var id: Int64
        var source: String
        var seconds: String
        var addedBy: String
        var reason: String
        var added: String
        var seenIn: [Seen]
        var removal: Removal?
    }

    struct Seen: Sendable {
        var clipID: Int64
        var link: String
    }

    struct Removal: Sendable {
        var action: String
        var csrf: String
    }

    var title = "Common content"
    var moderator: ModeratorView
    var entries: [Entry]
    var isEmpty: Bool
    var notice: String?

    init(moderator: ModeratorView, entries: [CommonContentEntry], mayRemove: Bool, added: Int64?, released: Int?) {
        self.moderator = moderator
        self.entries = entries.reversed().map { entry in
            Entry(id: entry.id, source: entry.source == .learned ? "learned" : "benign bank", seconds: PageFormat.seconds(entry.seconds),
                  addedBy: entry.addedBy, reason: entry.reason, added: PageFormat.time(entry.createdAt),
                  seenIn: entry.seenIn.map { Seen(clipID: $0, link: "/moderate/clips/\($0)") },
                  removal: mayRemove ? Removal(action: "/moderate/common-content/\(entry.id)/remove", csrf: moderator.csrf) : nil)
        }
        isEmpty = entries.isEmpty
        notice = added.map { "Entry \($0) added to the benign bank; \(released ?? 0) held clip(s) released." }
    }
}
