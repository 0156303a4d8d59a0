extension Captions {
    /// Normalised WebVTT: "WEBVTT", a blank line, then each cue as an optional identifier line,
    /// "HH:MM:SS.mmm --> HH:MM:SS.mmm", its text and a blank line.
    ///
    /// Safe whatever the cues hold, since `cues` can be set directly or decoded from JSON: text is
    /// tidied (no empty lines, no control characters) and `&`, `<`, `>` escaped, so it is only
    /// ever text; an identifier that could break the file's structure is left out.
    public var webVTT: String {
        var file = "WEBVTT\n\n"
        for cue in cues {
            if let identifier = cue.identifier, Self.isWritable(identifier: identifier) {
                file += identifier + "\n"
            }
            file += CaptionTimestamp.text(milliseconds: cue.start) + " --> " + CaptionTimestamp.text(milliseconds: cue.end) + "\n"
            let text = CueText.escaped(CueText.tidy(cue.text))
            file += text.isEmpty ? "\n" : text + "\n\n"
        }
        return file
    }

    /// An identifier a parser reads back as the same identifier: one non-empty line, no "-->",
    /// no control characters.
    private static func isWritable(identifier: String) -> Bool {
        let scalars = identifier.unicodeScalars
        return !scalars.isEmpty && !scalars.contains("-->".unicodeScalars)
            && !scalars.contains { $0 == "\n" || $0 == "\r" || $0.isRefusedControl }
    }
}
