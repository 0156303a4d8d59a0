/// A 256-bit PDQ perceptual hash: bit `k` is DCT coefficient `k = row * 16 + column`.
///
/// PDQ is the industry's shared currency for image hashes (ThreatExchange,
/// HMA, vPDQ); keeping Vouch's frame hashes bit-compatible lets platforms
/// exchange them with tools Vouch did not write.
public struct PDQHash: Hashable, Sendable {
    /// Bits 0–63, 64–127, 128–191, 192–255.
    public var words: (UInt64, UInt64, UInt64, UInt64)

    public init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    public static let zero = PDQHash(words: (0, 0, 0, 0))

    public static func == (lhs: PDQHash, rhs: PDQHash) -> Bool {
        lhs.words == rhs.words
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    /// The number of differing bits: PDQ's distance. Copies usually differ by under 31 of 256.
    @inlinable
    public func distance(to other: PDQHash) -> Int {
        (words.0 ^ other.words.0).nonzeroBitCount + (words.1 ^ other.words.1).nonzeroBitCount
            + (words.2 ^ other.words.2).nonzeroBitCount + (words.3 ^ other.words.3).nonzeroBitCount
    }

    public subscript(bit index: Int) -> Bool {
        let word: UInt64
        switch index >> 6 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        default: word = words.3
        }
        return (word >> UInt64(index & 63)) & 1 == 1
    }

    /// Builds a hash from 256 booleans, bit `k` at index `k`.
    public init<Bits: Sequence>(bits: Bits) where Bits.Element == Bool {
        var limbs: [UInt64] = [0, 0, 0, 0]
        for (index, bit) in bits.enumerated() where bit && index < 256 {
            limbs[index >> 6] |= 1 << UInt64(index & 63)
        }
        words = (limbs[0], limbs[1], limbs[2], limbs[3])
    }
}

extension PDQHash: CustomStringConvertible {
    /// PDQ's hex form: 64 lowercase digits, the most significant (bit 255) first.
    public var hex: String {
        [words.3, words.2, words.1, words.0].map { word in
            let digits = String(word, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }

    public var description: String { hex }

    /// Parses PDQ's 64-digit hex form.
    public init?(hex: some StringProtocol) {
        guard hex.count == 64 else { return nil }
        var limbs: [UInt64] = []
        var index = hex.startIndex
        for _ in 0..<4 {
            let next = hex.index(index, offsetBy: 16)
            guard let word = UInt64(hex[index..<next], radix: 16) else { return nil }
            limbs.append(word)
            index = next
        }
        words = (limbs[3], limbs[2], limbs[1], limbs[0])
    }
}

extension PDQHash: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let hash = PDQHash(hex: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a 64-digit PDQ hex hash"))
        }
        self = hash
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
