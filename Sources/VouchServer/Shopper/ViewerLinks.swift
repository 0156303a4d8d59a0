import VouchIdentity
import VouchStore

/// Relates an identified viewer to the reviewers on a page, through the viewer's
/// platform's social graph: only edges that platform reported count.
struct ViewerLinks {
    let store: Store

    /// The viewer's links to each review's reviewer, by clip id; reviews without links are absent.
    func links(for viewer: Viewer, to reviews: [PublishedReview]) async throws -> [Int64: PersonalTrustBody] {
        let neighbourhood = try await store.socialNeighbourhood(of: viewer.account, on: viewer.platformID, toward: Set(reviews.map(\.reviewerIdentity)))
        var nodes: [String: Int32] = [:]
        func node(_ account: String) -> Int32 {
            if let existing = nodes[account] { return existing }
            let next = Int32(nodes.count)
            nodes[account] = next
            return next
        }
        let viewerNode = node(viewer.account)
        let trust = PersonalTrust(edges: neighbourhood.edges.compactMap { edge in
            SocialEdge.Kind(rawValue: edge.kind).map { SocialEdge(from: node(edge.from), to: node(edge.to), kind: $0) }
        })
        var result: [Int64: PersonalTrustBody] = [:]
        for review in reviews {
            var body = PersonalTrustBody(direct: nil, contacts: 0, explanation: [])
            for account in neighbourhood.accounts[review.reviewerIdentity] ?? [] where account != viewer.account {
                let reviewerNode = node(account)
                for link in trust.links(from: viewerNode, to: reviewerNode) {
                    switch link {
                    case .direct(let kind): body.direct = body.direct ?? kind.rawValue
                    case .throughContacts(let people): body.contacts = max(body.contacts, people.count)
                    }
                }
                body.explanation += trust.explanation(from: viewerNode, to: reviewerNode).filter { !body.explanation.contains($0) }
            }
            if !body.explanation.isEmpty { result[review.clipID] = body }
        }
        return result
    }
}
