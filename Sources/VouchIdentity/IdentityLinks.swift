/// One person's accounts, linked through the keys their platforms attested.
///
/// A reviewer key attested on two platforms links those accounts; an account
/// attesting two keys links those keys. Links only ever merge identities, so
/// reputation earned on one platform travels with the person to the others.
public struct IdentityLinks: Sendable {
    /// An account on a platform.
    public struct Account: Sendable, Hashable {
        public var platformID: String
        public var accountID: String

        public init(platformID: String, accountID: String) {
            self.platformID = platformID
            self.accountID = accountID
        }
    }

    private enum Node: Hashable {
        case account(Account)
        case key(ReviewerKey)
    }

    private var parent: [Node: Node] = [:]

    public init() {}

    /// Records that `account`'s platform attested `key` for it.
    public mutating func link(_ account: Account, to key: ReviewerKey) {
        union(.account(account), .key(key))
    }

    /// Whether two accounts belong to one identity.
    public func sameIdentity(_ first: Account, _ second: Account) -> Bool {
        first == second || (parent[.account(first)] != nil && parent[.account(second)] != nil && root(.account(first)) == root(.account(second)))
    }

    /// Every account linked to `account`, itself included.
    public func accounts(linkedTo account: Account) -> Set<Account> {
        guard parent[.account(account)] != nil else { return [account] }
        let target = root(.account(account))
        var linked: Set<Account> = []
        for node in Array(parent.keys) {
            if case .account(let other) = node, root(node) == target { linked.insert(other) }
        }
        return linked
    }

    private func root(_ node: Node) -> Node {
        var current = node
        while let next = parent[current], next != current { current = next }
        return current
    }

    /// Points every node on the way to the root straight at it, so later lookups are short.
    private mutating func compress(_ node: Node, to top: Node) {
        var walker = node
        while let next = parent[walker], next != top {
            parent[walker] = top
            walker = next
        }
    }

    private mutating func union(_ a: Node, _ b: Node) {
        if parent[a] == nil { parent[a] = a }
        if parent[b] == nil { parent[b] = b }
        let rootA = root(a)
        let rootB = root(b)
        if rootA != rootB { parent[rootA] = rootB }
        compress(a, to: rootB)
        compress(b, to: rootB)
    }
}
