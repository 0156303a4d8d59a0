import Foundation

/// A decoded CBOR data item (RFC 8949), as much of it as C2PA's claims, assertions and
/// COSE signatures use. Maps keep their pairs in order, because COSE headers use integer
/// keys and C2PA maps text keys; lookups are linear, and maps here are small.
public indirect enum CBOR: Sendable, Equatable {
    case unsigned(UInt64)
    /// A negative integer, stored as its CBOR argument: the value is −1 − n.
    case negative(UInt64)
    case bytes(Data)
    case text(String)
    case array([CBOR])
    case map([(key: CBOR, value: CBOR)])
    case tagged(UInt64, CBOR)
    case bool(Bool)
    case null
    case undefined
    case double(Double)

    public static func == (lhs: CBOR, rhs: CBOR) -> Bool {
        switch (lhs, rhs) {
        case let (.unsigned(a), .unsigned(b)), let (.negative(a), .negative(b)): return a == b
        case let (.bytes(a), .bytes(b)): return a == b
        case let (.text(a), .text(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.map(a), .map(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case let (.tagged(t, a), .tagged(u, b)): return t == u && a == b
        case let (.bool(a), .bool(b)): return a == b
        case (.null, .null), (.undefined, .undefined): return true
        case let (.double(a), .double(b)): return a == b
        default: return false
        }
    }

    /// The value under a text key of a map, or nil.
    public subscript(key: String) -> CBOR? {
        guard case .map(let pairs) = self else { return nil }
        return pairs.first { $0.key == .text(key) }?.value
    }

    /// The value under an integer key of a map (COSE headers), or nil.
    public subscript(label label: Int) -> CBOR? {
        guard case .map(let pairs) = self else { return nil }
        let key: CBOR = label >= 0 ? .unsigned(UInt64(label)) : .negative(UInt64(-1 - label))
        return pairs.first { $0.key == key }?.value
    }

    public var text: String? { if case .text(let value) = self { value } else { nil } }
    public var bytes: Data? { if case .bytes(let value) = self { value } else { nil } }
    public var array: [CBOR]? { if case .array(let value) = self { value } else { nil } }
    public var untagged: CBOR { if case .tagged(_, let value) = self { value.untagged } else { self } }

    /// The value as an integer, when it is one that fits.
    public var int: Int? {
        switch self {
        case .unsigned(let n): n <= UInt64(Int.max) ? Int(n) : nil
        case .negative(let n): n < UInt64(Int.max) ? -1 - Int(n) : nil
        default: nil
        }
    }
}
