/// Groups elements that are joined, directly or through others (union–find): the copy
/// clusters of clips, and the rings of identities linked by shared content or timing.
public struct DisjointSets<Element: Hashable>: Sendable where Element: Sendable {
    private var parent: [Element: Element] = [:]

    public init() {}

    public mutating func add(_ element: Element) {
        if parent[element] == nil { parent[element] = element }
    }

    /// The representative of `element`'s group (itself when never joined).
    public func root(of element: Element) -> Element {
        var current = element
        while let next = parent[current], next != current { current = next }
        return current
    }

    public mutating func join(_ a: Element, _ b: Element) {
        add(a)
        add(b)
        let rootA = root(of: a)
        let rootB = root(of: b)
        if rootA != rootB { parent[rootA] = rootB }
    }

    /// Every group, each with its members.
    public func groups() -> [[Element]] {
        Array(Dictionary(grouping: parent.keys, by: root(of:)).values)
    }
}
