/// What a shopper did that signals demand, from weakest to strongest intent.
public enum DemandKind: String, Sendable, Codable, CaseIterable, Comparable {
    case view
    case wishlist
    case cart
    case preorder
    case purchase

    public static func < (lhs: DemandKind, rhs: DemandKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
