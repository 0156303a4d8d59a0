/// Comparisons of secrets (tokens, password digests, key hashes) whose time does not depend
/// on where the two first differ, so a caller cannot learn a secret a byte at a time.
public enum ConstantTime {
    /// Whether the two hold the same bytes. Only the lengths may leak, and they are not secret.
    public static func equal(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Whether the two strings have the same UTF-8 bytes.
    public static func equal(_ lhs: String, _ rhs: String) -> Bool {
        equal(Array(lhs.utf8), Array(rhs.utf8))
    }
}
