/// Why a platform's WebVTT file was refused, with the line to look at: the message is written
/// for the platform's developer, who fixes the file and submits it again.
public enum CaptionsError: Error, Equatable, CustomStringConvertible {
    /// The file has no bytes (or only a byte order mark).
    case empty
    /// The file is larger than the limit, in bytes.
    case tooLarge(bytes: Int, limit: Int)
    /// A byte sequence on this line is not UTF-8.
    case notUTF8(line: Int)
    /// A control character (other than tab and the line terminators) is on this line; WebVTT
    /// text has no use for them, so they are refused rather than silently removed.
    case controlCharacter(line: Int, codePoint: UInt32)
    /// The first line is not "WEBVTT", alone or followed by a space or tab and text.
    case missingHeader
    /// A line of the header block has "-->": the header must end with a blank line.
    case cueInHeader(line: Int)
    /// A block is neither a cue (a timing line first or second) nor a NOTE, STYLE or REGION block.
    case cueWithoutTiming(line: Int)
    /// "-->" is on a line that is not a cue's timing line.
    case unexpectedArrow(line: Int)
    /// The timing line is not "start --> end" with spaces or tabs around the arrow.
    case badTimingLine(line: Int, text: String)
    /// A timestamp is not `mm:ss.ttt` or `hh:mm:ss.ttt`.
    case badTimestamp(line: Int, text: String)
    /// A timestamp is later than the limit.
    case timestampTooLate(line: Int, limit: Duration)
    /// The cue ends at or before its start.
    case endBeforeStart(line: Int)
    /// The cue starts before the previous cue: WebVTT requires cues in order of start time.
    case outOfOrder(line: Int, start: Int, previousStart: Int)
    /// Another cue already has this identifier.
    case duplicateIdentifier(line: Int, identifier: String)
    /// A cue identifier is longer than the limit, in characters.
    case identifierTooLong(line: Int, limit: Int)
    /// A "<" in cue text has no ">" closing its tag.
    case unclosedTag(line: Int)
    /// A numeric character reference names no character, NUL, a line terminator or a control character.
    case badCharacterReference(line: Int, text: String)
    /// A cue's text is longer than the limit, in characters, once markup is stripped.
    case cueTooLong(line: Int, limit: Int)
    /// The file has more cues than the limit.
    case tooManyCues(limit: Int)
    /// The file has a header but no cues.
    case noCues

    public var description: String {
        switch self {
        case .empty:
            "The caption file is empty: send a WebVTT file that starts with \"WEBVTT\" and has at least one cue."
        case .tooLarge(let bytes, let limit):
            "The caption file has \(bytes) bytes, more than the limit of \(limit): split or shorten the track."
        case .notUTF8(let line):
            "Line \(line): the caption file is not UTF-8. WebVTT files must be encoded as UTF-8."
        case .controlCharacter(let line, let codePoint):
            "Line \(line): control character \(Self.codePoint(codePoint)) is not allowed in a caption file; remove it."
        case .missingHeader:
            "Line 1: a WebVTT file must start with \"WEBVTT\", alone on the line or followed by a space or tab and text."
        case .cueInHeader(let line):
            "Line \(line): \"-->\" in the header. Put a blank line between the WEBVTT header and the first cue."
        case .cueWithoutTiming(let line):
            "Line \(line): this block has no timing line (\"00:01.000 --> 00:04.000\") on its first or second line, "
                + "and is not a NOTE, STYLE or REGION block."
        case .unexpectedArrow(let line):
            "Line \(line): \"-->\" may only be in a cue's timing line. Separate cues with a blank line; "
                + "write \"--&gt;\" for an arrow in cue text."
        case .badTimingLine(let line, let text):
            "Line \(line): \"\(text)\" is not a timing line: write \"start --> end\" with a space or tab on each side of the arrow."
        case .badTimestamp(let line, let text):
            "Line \(line): \"\(text)\" is not a WebVTT timestamp: write mm:ss.ttt or hh:mm:ss.ttt, "
                + "with minutes and seconds 00–59 and exactly three digits of milliseconds."
        case .timestampTooLate(let line, let limit):
            "Line \(line): the cue's time is later than \(CaptionTimestamp.text(milliseconds: limit.wholeMilliseconds)), the latest accepted."
        case .endBeforeStart(let line):
            "Line \(line): the cue's end time must be after its start time."
        case .outOfOrder(let line, let start, let previousStart):
            "Line \(line): the cue starts at \(CaptionTimestamp.text(milliseconds: start)), before the previous cue's start at "
                + "\(CaptionTimestamp.text(milliseconds: previousStart)). Order cues by start time."
        case .duplicateIdentifier(let line, let identifier):
            "Line \(line): another cue already has the identifier \"\(identifier)\"; cue identifiers must be unique."
        case .identifierTooLong(let line, let limit):
            "Line \(line): the cue identifier is longer than \(limit) characters."
        case .unclosedTag(let line):
            "Line \(line): a \"<\" starts a tag that no \">\" closes. Write \"&lt;\" for a less-than sign in cue text."
        case .badCharacterReference(let line, let text):
            "Line \(line): \"\(text)\" is not an allowed character: references to NUL, line breaks, "
                + "control characters, surrogates or numbers above 10FFFF are refused."
        case .cueTooLong(let line, let limit):
            "Line \(line): the cue's text is longer than \(limit) characters (markup not counted). Split it into shorter cues."
        case .tooManyCues(let limit):
            "The caption file has more than \(limit) cues."
        case .noCues:
            "The caption file has a WEBVTT header but no cues."
        }
    }

    private static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
