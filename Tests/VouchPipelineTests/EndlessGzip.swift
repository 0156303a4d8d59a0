/// An endless gzip stream: one literal zero byte, then for ever "copy the last 258 bytes"
/// (fixed-Huffman length code 285 at distance 1), in a deflate block that never ends. Each
/// 13 bits inflate to 258 bytes, so a client that decompressed it would run out of memory;
/// a client that does not reads a few KiB and hangs up.
struct EndlessGzip {
    /// The gzip header and the deflate bits up to the first byte where the 13-bit copies
    /// line up with byte boundaries (bit 96); from there on every 13 bytes are the same.
    private static let (opening, period): ([UInt8], [UInt8]) = {
        var writer = BitWriter()
        writer.output = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]
        writer.put(0, bits: 1)                  // not the final block
        writer.put(1, bits: 2)                  // fixed Huffman codes
        writer.putCode(0x30, bits: 8)           // the literal 0
        while writer.output.count < 25 {
            writer.putCode(0b1100_0101, bits: 8)  // length 258
            writer.putCode(0, bits: 5)            // distance 1
        }
        return (Array(writer.output[..<12]), Array(writer.output[12..<25]))
    }()

    private var opened = false

    /// The next `count` or so bytes of the stream.
    mutating func next(_ count: Int) -> [UInt8] {
        var bytes = opened ? [] : Self.opening
        opened = true
        bytes += repeatElement(Self.period, count: max(1, count / Self.period.count)).joined()
        return bytes
    }
}

/// Packs deflate's bit fields into bytes.
private struct BitWriter {
    var output: [UInt8] = []
    private var bits: UInt64 = 0
    private var bitCount = 0

    /// Deflate packs values from the least significant bit up.
    mutating func put(_ value: UInt64, bits count: Int) {
        bits |= value << bitCount
        bitCount += count
        while bitCount >= 8 {
            output.append(UInt8(bits & 0xff))
            bits >>= 8
            bitCount -= 8
        }
    }

    /// Huffman codes go most significant bit first, so they are reversed into `put`'s order.
    mutating func putCode(_ code: UInt64, bits count: Int) {
        put((0..<count).reduce(UInt64(0)) { $0 << 1 | (code >> UInt64($1)) & 1 }, bits: count)
    }
}
