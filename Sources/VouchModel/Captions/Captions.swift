/// A platform's captions for a review video, validated: parsed from WebVTT strictly and kept as
/// plain-text cues, so the caption file a platform sent never reaches a shopper's browser as is;
/// `webVTT` writes a new, normalised one.
public struct Captions: Sendable, Equatable, Codable {
    /// The cues in order of start time.
    public var cues: [CaptionCue]

    public init(cues: [CaptionCue]) {
        self.cues = cues
    }

    /// Parses WebVTT text (UTF-8 bytes) and validates it.
    ///
    /// Stricter than a browser, which skips what it cannot read: a file with anything malformed
    /// is refused with the line to fix. Cue settings are dropped, NOTE, STYLE and REGION blocks
    /// skipped, markup stripped from cue text. Cues out of order of start time are refused, not
    /// sorted, because the specification requires the order and a platform sending them otherwise
    /// has a bug worth hearing about.
    public init(webVTT data: some Collection<UInt8>, limits: CaptionLimits = .standard) throws(CaptionsError) {
        let size = data.count
        guard size <= limits.maxBytes else { throw .tooLarge(bytes: size, limit: limits.maxBytes) }
        let lines = try WebVTTLines.split(data)
        guard lines != [WebVTTLine(number: 1, text: "")] else { throw .empty }
        let blocks = WebVTTBlock.blocks(of: lines)
        guard let header = blocks.first, let first = header.lines.first, first.number == 1, WebVTTBlock.starts(first, with: "WEBVTT") else {
            throw .missingHeader
        }
        if let arrow = header.lines.first(where: \.hasArrow) { throw .cueInHeader(line: arrow.number) }
        var reader = CueReader(limits: limits)
        for block in blocks.dropFirst() {
            if case .cue(let identifier, let timing, let text) = try block.kind() {
                try reader.read(identifier: identifier, timing: timing, text: text)
            }
        }
        guard !reader.cues.isEmpty else { throw .noCues }
        cues = reader.cues
    }
}
