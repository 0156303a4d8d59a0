/// A character reference in cue text: `&amp;`, `&lt;`, `&gt;`, `&nbsp;`, `&lrm;`, `&rlm;`,
/// `&#38;` or `&#x26;`, and the character it stands for.
struct CharacterReference {
    /// The longest name read before giving up on a reference; the longest accepted is `&#x10FFFF;`.
    private static let longestName = 16

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "nbsp": "\u{A0}", "lrm": "\u{200E}", "rlm": "\u{200F}",
    ]

    var scalar: Unicode.Scalar
    /// How many scalars the reference takes, from `&` to `;`.
    var length: Int

    /// The reference starting at `start` (an `&`), or nil when none does: the `&` is then text.
    /// - Throws: `badCharacterReference` for a numeric reference to no character, NUL, a line
    ///   terminator or a control character.
    init?(at start: Int, in scalars: [Unicode.Scalar], line: Int) throws(CaptionsError) {
        var end = start + 1
        while end < scalars.count, end - start <= Self.longestName, scalars[end].isASCIIAlphanumericOrHash {
            end += 1
        }
        guard end < scalars.count, scalars[end] == ";" else { return nil }
        let name = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
        length = end - start + 1
        if let named = Self.named[name] {
            scalar = named
            return
        }
        guard let value = Self.numericValue(name) else { return nil }
        guard let decoded = Unicode.Scalar(value), value != 0, value != 0x0A, value != 0x0D, !decoded.isRefusedControl else {
            throw .badCharacterReference(line: line, text: "&\(name);")
        }
        scalar = decoded
    }

    /// The value of `#` decimal digits or `#x` hexadecimal digits, kept above the last code
    /// point once it passes it; nil for any other name.
    private static func numericValue(_ name: String) -> UInt32? {
        var digits = Substring(name)
        guard digits.popFirst() == "#" else { return nil }
        var radix: UInt32 = 10
        if digits.first == "x" || digits.first == "X" {
            radix = 16
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var value: UInt32 = 0
        for character in digits {
            guard let digit = character.hexDigitValue, UInt32(digit) < radix else { return nil }
            value = min(0x11_0000, value * radix + UInt32(digit))
        }
        return value
    }
}

extension Unicode.Scalar {
    var isASCIIAlphanumericOrHash: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self) || self == "#"
    }
}
