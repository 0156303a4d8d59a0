/// Why a shopper might believe a reviewer: the people between them.
///
/// Read from the shopper's side: "you follow this reviewer", or "2 people you
/// follow follow this reviewer". Friendships count both ways; follows and
/// vouches only from the shopper outward.
public struct PersonalTrust: Sendable {
    /// How the shopper reaches the reviewer.
    public enum Link: Sendable, Equatable {
        /// The shopper relates to the reviewer directly.
        case direct(SocialEdge.Kind)
        /// People the shopper relates to who relate to the reviewer.
        case throughContacts([Int32])
    }

    /// For each identity, the identities it points to (follows, vouches for, or is friends with).
    private let outgoing: [Int32: Set<Int32>]
    private let direct: [Pair: SocialEdge.Kind]

    private struct Pair: Hashable {
        var from: Int32
        var to: Int32
    }

    public init(edges: [SocialEdge]) {
        var outgoing: [Int32: Set<Int32>] = [:]
        var direct: [Pair: SocialEdge.Kind] = [:]
        for edge in edges where edge.from != edge.to {
            outgoing[edge.from, default: []].insert(edge.to)
            direct[Pair(from: edge.from, to: edge.to)] = edge.kind
            if edge.kind == .friend {
                outgoing[edge.to, default: []].insert(edge.from)
                direct[Pair(from: edge.to, to: edge.from)] = .friend
            }
        }
        self.outgoing = outgoing
        self.direct = direct
    }

    /// The links from `viewer` to `reviewer`, direct first; empty when there are none.
    public func links(from viewer: Int32, to reviewer: Int32) -> [Link] {
        var links: [Link] = []
        if let kind = direct[Pair(from: viewer, to: reviewer)] { links.append(.direct(kind)) }
        let contacts = (outgoing[viewer] ?? []).filter { $0 != reviewer && outgoing[$0]?.contains(reviewer) == true }.sorted()
        if !contacts.isEmpty { links.append(.throughContacts(contacts)) }
        return links
    }

    /// The links as a shopper reads them, for example "2 people you follow follow this reviewer".
    public func explanation(from viewer: Int32, to reviewer: Int32) -> [String] {
        links(from: viewer, to: reviewer).map { link in
            switch link {
            case .direct(.follows): "you follow this reviewer"
            case .direct(.friend): "this reviewer is your friend"
            case .direct(.vouchesFor): "you vouched for this reviewer"
            case .throughContacts(let people): people.count == 1
                ? "1 person you follow or know relates to this reviewer"
                : "\(people.count) people you follow or know relate to this reviewer"
            }
        }
    }
}
