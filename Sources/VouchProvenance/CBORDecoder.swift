import Foundation

/// Decodes CBOR from untrusted bytes with every size bounded: nesting depth, the number
/// of items (so a 5-byte header cannot announce a billion-element array), and lengths
/// that must fit in what is left of the input. Indefinite lengths are refused: C2PA
/// requires deterministic encoding, and refusing them removes a whole class of loops.
public struct CBORDecoder {
    public var maxDepth = 32
    public var maxItems = 100_000

    public init() {}

    /// Decodes exactly one item that fills `data`.
    public func decode(_ data: Data) throws(ProvenanceError) -> CBOR {
        var reader = Reader(bytes: [UInt8](data), limits: self)
        let item = try reader.item(depth: 0)
        guard reader.offset == reader.bytes.count else { throw .malformed("CBOR: \(reader.bytes.count - reader.offset) trailing bytes") }
        return item
    }

    private struct Reader {
        let bytes: [UInt8]
        let limits: CBORDecoder
        var offset = 0
        var items = 0

        init(bytes: [UInt8], limits: CBORDecoder) {
            self.bytes = bytes
            self.limits = limits
        }

        mutating func item(depth: Int) throws(ProvenanceError) -> CBOR {
            guard depth <= limits.maxDepth else { throw .malformed("CBOR nested deeper than \(limits.maxDepth)") }
            items += 1
            guard items <= limits.maxItems else { throw .malformed("CBOR has more than \(limits.maxItems) items") }
            let initial = try byte()
            let major = initial >> 5
            let info = initial & 0x1F
            if major == 7 { return try simple(info) }
            let argument = try self.argument(info)
            switch major {
            case 0: return .unsigned(argument)
            case 1: return .negative(argument)
            case 2: return .bytes(Data(try take(argument)))
            case 3:
                guard let text = String(validating: try take(argument), as: UTF8.self) else { throw .malformed("CBOR text is not UTF-8") }
                return .text(text)
            case 4:
                try ensureRoom(forItems: argument)
                var elements: [CBOR] = []
                elements.reserveCapacity(Int(argument))
                for _ in 0..<argument { elements.append(try item(depth: depth + 1)) }
                return .array(elements)
            case 5:
                try ensureRoom(forItems: argument.multipliedReportingOverflow(by: 2).partialValue)
                var pairs: [(key: CBOR, value: CBOR)] = []
                for _ in 0..<argument {
                    let key = try item(depth: depth + 1)
                    pairs.append((key, try item(depth: depth + 1)))
                }
                return .map(pairs)
            default:
                return .tagged(argument, try item(depth: depth + 1))
            }
        }

        private mutating func simple(_ info: UInt8) throws(ProvenanceError) -> CBOR {
            switch info {
            case 20: return .bool(false)
            case 21: return .bool(true)
            case 22: return .null
            case 23: return .undefined
            case 25: return .double(Double(Float16(bitPattern: UInt16(try argument(25)))))
            case 26: return .double(Double(Float(bitPattern: UInt32(try argument(26)))))
            case 27: return .double(Double(bitPattern: try argument(27)))
            default: throw .malformed("CBOR simple value \(info) is not supported")
            }
        }

        private mutating func argument(_ info: UInt8) throws(ProvenanceError) -> UInt64 {
            switch info {
            case 0..<24: return UInt64(info)
            case 24...27:
                var value: UInt64 = 0
                for _ in 0..<(1 << (info - 24)) { value = value << 8 | UInt64(try byte()) }
                return value
            default: throw .malformed("CBOR indefinite or reserved length (\(info))")
            }
        }

        /// Every item takes at least one byte, so a count larger than what is left is a lie.
        private func ensureRoom(forItems count: UInt64) throws(ProvenanceError) {
            guard count <= UInt64(bytes.count - offset) else { throw .malformed("CBOR announces \(count) items in \(bytes.count - offset) bytes") }
        }

        private mutating func byte() throws(ProvenanceError) -> UInt8 {
            guard offset < bytes.count else { throw .malformed("CBOR ends early") }
            defer { offset += 1 }
            return bytes[offset]
        }

        private mutating func take(_ count: UInt64) throws(ProvenanceError) -> ArraySlice<UInt8> {
            guard count <= UInt64(bytes.count - offset) else { throw .malformed("CBOR string of \(count) bytes overruns the input") }
            defer { offset += Int(count) }
            return bytes[offset..<offset + Int(count)]
        }
    }
}
