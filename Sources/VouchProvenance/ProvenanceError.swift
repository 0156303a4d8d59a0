/// Why a manifest could not be accepted. Every failure of the untrusted bytes is one of
/// these, so a hostile file yields a typed result, never a crash.
public enum ProvenanceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes do not parse: truncated, overlong, nested too deep, not the format claimed.
    case malformed(String)
    /// It parses, but the signature, a hash or the hard binding does not match: the file
    /// or the manifest changed after signing.
    case mismatch(String)
    /// It parses and matches, but the signer's certificate chain does not end at a
    /// configured trust anchor, or breaks the C2PA certificate profile.
    case untrusted(String)
    /// Something the verifier does not handle (an algorithm, a fragmented MP4's Merkle tree).
    case unsupported(String)
    /// The file could not be read.
    case io(String)

    public var description: String {
        switch self {
        case .malformed(let why): "malformed manifest: \(why)"
        case .mismatch(let why): "does not match: \(why)"
        case .untrusted(let why): "untrusted signer: \(why)"
        case .unsupported(let why): "unsupported: \(why)"
        case .io(let why): "cannot read the file: \(why)"
        }
    }
}
