/// Cue text from markup to plain text and back to text that cannot be markup.
enum CueText {
    /// The text with its tags (`<b>`, `<c.class>`, `<v Speaker>`, `<00:01.000>`…) removed and
    /// its character references decoded. An `&` that starts no known reference stays an `&`.
    /// - Parameter firstLine: the file's line number of the text's first line, for errors.
    static func plain(_ raw: String, firstLine: Int) throws(CaptionsError) -> String {
        let scalars = Array(raw.unicodeScalars)
        var plain = String.UnicodeScalarView()
        var line = firstLine
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "<":
                guard let close = scalars[index...].firstIndex(of: ">") else { throw .unclosedTag(line: line) }
                line += scalars[index..<close].filter { $0 == "\n" }.count
                index = close + 1
            case "&":
                if let reference = try CharacterReference(at: index, in: scalars, line: line) {
                    plain.append(reference.scalar)
                    index += reference.length
                } else {
                    plain.append("&")
                    index += 1
                }
            case let scalar:
                if scalar == "\n" { line += 1 }
                plain.append(scalar)
                index += 1
            }
        }
        return String(plain)
    }

    /// The text's lines trimmed of spaces and tabs, empty ones and control characters removed:
    /// an empty line would end the cue in the written file.
    static func tidy(_ text: String) -> String {
        let lines = text.unicodeScalars.split { $0 == "\n" || $0 == "\r" }.compactMap { line -> String? in
            let kept = trimmed(line.filter { !$0.isRefusedControl })
            return kept.isEmpty ? nil : String(String.UnicodeScalarView(kept))
        }
        return lines.joined(separator: "\n")
    }

    /// The text with `&`, `<` and `>` escaped, so a browser reads it as text only.
    static func escaped(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    /// The scalars without the spaces and tabs at either end.
    static func trimmed<Scalars: BidirectionalCollection<Unicode.Scalar>>(_ scalars: Scalars) -> Scalars.SubSequence {
        guard let first = scalars.firstIndex(where: { !isBlank($0) }), let last = scalars.lastIndex(where: { !isBlank($0) }) else {
            return scalars[scalars.endIndex...]
        }
        return scalars[first...last]
    }
}
