/// A cue's timing line, "start --> end" and optional settings, read strictly. The settings
/// (position, line, align…) are checked for "-->" and dropped: where a caption sits is the player's choice.
struct CueTiming {
    var start: Int
    var end: Int

    init(_ line: WebVTTLine, latest: Duration) throws(CaptionsError) {
        let scalars = Array(line.text.unicodeScalars)
        guard let arrow = scalars.firstRange(of: "-->".unicodeScalars),
              arrow.lowerBound > 0, CueText.isBlank(scalars[arrow.lowerBound - 1]),
              arrow.upperBound < scalars.count, CueText.isBlank(scalars[arrow.upperBound])
        else { throw .badTimingLine(line: line.number, text: line.text) }
        let startToken = CueText.trimmed(scalars[..<arrow.lowerBound])
        let afterArrow = scalars[arrow.upperBound...].drop(while: CueText.isBlank)
        let endToken = afterArrow.prefix { !CueText.isBlank($0) }
        guard !afterArrow[endToken.endIndex...].contains("-->".unicodeScalars) else {
            throw .unexpectedArrow(line: line.number)
        }
        start = try Self.milliseconds(Array(startToken), line: line.number, latest: latest)
        end = try Self.milliseconds(Array(endToken), line: line.number, latest: latest)
        guard end > start else { throw .endBeforeStart(line: line.number) }
    }

    private static func milliseconds(_ token: [Unicode.Scalar], line: Int, latest: Duration) throws(CaptionsError) -> Int {
        guard let milliseconds = CaptionTimestamp.milliseconds(token) else {
            throw .badTimestamp(line: line, text: String(String.UnicodeScalarView(token)))
        }
        guard milliseconds <= latest.wholeMilliseconds else { throw .timestampTooLate(line: line, limit: latest) }
        return milliseconds
    }
}
