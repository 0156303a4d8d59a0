/// One line of a WebVTT file, without its terminator, numbered from 1 for error messages.
struct WebVTTLine: Sendable, Equatable {
    var number: Int
    var text: String

    var isEmpty: Bool { text.unicodeScalars.isEmpty }
    /// Whether the line has "-->", compared by code point as the specification does: an arrow
    /// followed by a combining mark is still an arrow.
    var hasArrow: Bool { text.unicodeScalars.contains("-->".unicodeScalars) }
}

/// A WebVTT file's bytes as lines: UTF-8 checked, a leading byte order mark dropped, CRLF, LF
/// and CR all ending a line, and control characters refused.
enum WebVTTLines {
    static func split(_ data: some Collection<UInt8>) throws(CaptionsError) -> [WebVTTLine] {
        var lines: [WebVTTLine] = []
        var current = String.UnicodeScalarView()
        var number = 1
        var atStart = true
        var afterCR = false
        var bytes = data.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar):
                defer { atStart = false }
                if atStart && scalar == "\u{FEFF}" { continue }
                if afterCR && scalar == "\n" {
                    afterCR = false
                    continue
                }
                afterCR = scalar == "\r"
                if scalar == "\n" || scalar == "\r" {
                    lines.append(WebVTTLine(number: number, text: String(current)))
                    current = String.UnicodeScalarView()
                    number += 1
                } else if scalar.isRefusedControl {
                    throw .controlCharacter(line: number, codePoint: scalar.value)
                } else {
                    current.append(scalar)
                }
            case .emptyInput:
                break decoding
            case .error:
                throw .notUTF8(line: number)
            }
        }
        lines.append(WebVTTLine(number: number, text: String(current)))
        return lines
    }
}

extension Unicode.Scalar {
    /// C0 controls other than tab, LF and CR; DEL; C1 controls. A caption has no use for them,
    /// and NUL in particular can truncate text in C code further along.
    var isRefusedControl: Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
