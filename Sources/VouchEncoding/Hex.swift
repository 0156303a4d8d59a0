extension Sequence<UInt8> {
    /// The bytes as lowercase hex, two digits a byte: how Vouch writes digests, HMACs and
    /// secrets as text (a clip's SHA-256, a webhook signature, a session's storage key).
    public var hexEncodedString: String {
        var digits = [UInt8]()
        digits.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            digits.append(hexDigits[Int(byte >> 4)])
            digits.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: digits, as: UTF8.self)
    }
}

private let hexDigits = Array("0123456789abcdef".utf8)
