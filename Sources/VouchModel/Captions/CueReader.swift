/// Turns a file's cue blocks into cues one at a time, checking what needs the cues before it:
/// order, unique identifiers and the number of cues.
struct CueReader {
    let limits: CaptionLimits
    private(set) var cues: [CaptionCue] = []
    private var identifiers: Set<String> = []

    init(limits: CaptionLimits) {
        self.limits = limits
    }

    mutating func read(identifier: WebVTTLine?, timing: WebVTTLine, text: ArraySlice<WebVTTLine>) throws(CaptionsError) {
        guard cues.count < limits.maxCues else { throw .tooManyCues(limit: limits.maxCues) }
        if let identifier {
            guard identifier.text.count <= limits.maxCueLength else {
                throw .identifierTooLong(line: identifier.number, limit: limits.maxCueLength)
            }
            guard identifiers.insert(identifier.text).inserted else {
                throw .duplicateIdentifier(line: identifier.number, identifier: identifier.text)
            }
        }
        let times = try CueTiming(timing, latest: limits.maxTimestamp)
        if let previous = cues.last, times.start < previous.start {
            throw .outOfOrder(line: timing.number, start: times.start, previousStart: previous.start)
        }
        let raw = text.map(\.text).joined(separator: "\n")
        let plain = CueText.tidy(try CueText.plain(raw, firstLine: timing.number + 1))
        guard plain.count <= limits.maxCueLength else { throw .cueTooLong(line: timing.number, limit: limits.maxCueLength) }
        cues.append(CaptionCue(start: times.start, end: times.end, text: plain, identifier: identifier?.text))
    }
}
