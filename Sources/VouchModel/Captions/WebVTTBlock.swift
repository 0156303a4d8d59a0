/// The lines between two blank lines of a WebVTT file, and what kind of block they make.
struct WebVTTBlock {
    /// What a block is, decided the way the specification's parser does: a timing line first or
    /// second makes a cue, whatever the first line says.
    enum Kind {
        case cue(identifier: WebVTTLine?, timing: WebVTTLine, text: ArraySlice<WebVTTLine>)
        /// NOTE, STYLE or REGION: skipped. STYLE would let a platform put CSS into shoppers' pages.
        case skipped
    }

    var lines: ArraySlice<WebVTTLine>

    /// The file's lines cut at blank lines; the first block is the header.
    static func blocks(of lines: [WebVTTLine]) -> [WebVTTBlock] {
        lines.split(whereSeparator: \.isEmpty).map { WebVTTBlock(lines: $0) }
    }

    func kind() throws(CaptionsError) -> Kind {
        guard let first = lines.first else { return .skipped }
        let rest = lines.dropFirst()
        let kind: Kind
        if first.hasArrow {
            kind = .cue(identifier: nil, timing: first, text: rest)
        } else if let second = rest.first, second.hasArrow {
            kind = .cue(identifier: first, timing: second, text: rest.dropFirst())
        } else if ["NOTE", "STYLE", "REGION"].contains(where: { Self.starts(first, with: $0) }) {
            kind = .skipped
        } else {
            throw .cueWithoutTiming(line: first.number)
        }
        let text = if case .cue(_, _, let text) = kind { text } else { rest }
        if let arrow = text.first(where: \.hasArrow) { throw .unexpectedArrow(line: arrow.number) }
        return kind
    }

    /// Whether the line is the keyword alone or followed by a space or tab.
    static func starts(_ line: WebVTTLine, with keyword: String) -> Bool {
        let scalars = line.text.unicodeScalars
        guard scalars.starts(with: keyword.unicodeScalars) else { return false }
        let after = scalars.dropFirst(keyword.unicodeScalars.count)
        return after.first.map(CueText.isBlank) ?? true
    }
}
