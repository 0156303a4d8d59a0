extension Array {
    /// At most `count` elements spread evenly from first to last: a clip's frames
    /// sampled for work that does not need all of them.
    func evenlySpaced(_ count: Int) -> [Element] {
        guard self.count > count, count > 1 else { return count == 1 ? Array(prefix(1)) : self }
        return (0..<count).map { self[$0 * (self.count - 1) / (count - 1)] }
    }
}
