import Testing
import VouchModel

/// Attacks a platform (or whoever holds its key) could make with a caption file, performed.
@Suite struct CaptionsHostileInputTests {
    static func parse(_ text: String, limits: CaptionLimits = .standard) throws(CaptionsError) -> Captions {
        try Captions(webVTT: Array(text.utf8), limits: limits)
    }

    static func refusal(_ text: String, limits: CaptionLimits = .standard) -> CaptionsError? {
        refusal(Array(text.utf8), limits: limits)
    }

    static func refusal(_ bytes: [UInt8], limits: CaptionLimits = .standard) -> CaptionsError? {
        do {
            _ = try Captions(webVTT: bytes, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func aScriptInCueTextComesOutAsEscapedText() throws {
        let file = "WEBVTT\n\n00:01.000 --> 00:02.000\n&lt;script&gt;alert(1)&lt;/script&gt; <script>alert(2)</script>\n<img src=x onerror=alert(3)>\n"
        let captions = try Self.parse(file)
        #expect(captions.cues.first?.text == "<script>alert(1)</script> alert(2)")
        let written = captions.webVTT
        #expect(written == "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n&lt;script&gt;alert(1)&lt;/script&gt; alert(2)\n\n")
        #expect(!written.contains("<") && !written.contains("onerror"))
    }

    @Test func aStyleBlockInjectingCSSIsDropped() throws {
        let file = "WEBVTT\n\nSTYLE\n::cue { background: url(https://tracker.example/pixel.png) }\n\n00:01.000 --> 00:02.000\nHi\n\n"
            + "STYLE\n::cue(b) { background: url(https://tracker.example/2.png) }\n"
        let written = try Self.parse(file).webVTT
        #expect(written == "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n\n")
        #expect(!written.contains("url(") && !written.contains("STYLE"))
    }

    @Test func aStyleBlockCannotHideATimingLine() {
        #expect(Self.refusal("WEBVTT\n\nSTYLE\n::cue { color: red } -->\n\n00:01.000 --> 00:02.000\nHi\n")
            == .badTimingLine(line: 4, text: "::cue { color: red } -->"))
        #expect(Self.refusal("WEBVTT\n\nSTYLE\n::cue { color: red }\n00:01.000 --> 00:02.000\nHi\n") == .unexpectedArrow(line: 5))
    }

    @Test func anOversizedFileIsRefusedBeforeItIsRead() {
        let file = Array("WEBVTT\n\n00:01.000 --> 00:02.000\n".utf8) + Array(repeating: UInt8(ascii: "a"), count: 300 * 1024)
        #expect(Self.refusal(file) == .tooLarge(bytes: file.count, limit: 256 * 1024))
    }

    @Test func aHundredThousandCuesAreRefused() {
        var file = "WEBVTT\n\n"
        for index in 0..<100_000 {
            file += "\(CaptionTimestampText.of(index)) --> \(CaptionTimestampText.of(index + 1))\nc\n\n"
        }
        #expect(Self.refusal(file) == .tooLarge(bytes: file.utf8.count, limit: 256 * 1024))
        #expect(Self.refusal(file, limits: CaptionLimits(maxBytes: .max)) == .tooManyCues(limit: 2000))
    }

    @Test func timestampsOutOfRangeAreRefused() {
        #expect(Self.refusal("WEBVTT\n\n00:99:00.000 --> 01:00:00.000\nHi\n") == .badTimestamp(line: 3, text: "00:99:00.000"))
        #expect(Self.refusal("WEBVTT\n\n99:00.000 --> 99:01.000\nHi\n") == .badTimestamp(line: 3, text: "99:00.000"))
        #expect(Self.refusal("WEBVTT\n\n00:00.000 --> 00:60.000\nHi\n") == .badTimestamp(line: 3, text: "00:60.000"))
        #expect(Self.refusal("WEBVTT\n\n00:01.00 --> 00:02.000\nHi\n") == .badTimestamp(line: 3, text: "00:01.00"))
        #expect(Self.refusal("WEBVTT\n\n0:00:01.000 --> 00:02.000\nHi\n") == .badTimestamp(line: 3, text: "0:00:01.000"))
        #expect(Self.refusal("WEBVTT\n\n00:01.000 --> 00:０2.000\nHi\n") == .badTimestamp(line: 3, text: "00:０2.000"))
        #expect(Self.refusal("WEBVTT\n\n00:01.000 --> 25:00:00.000\nHi\n") == .timestampTooLate(line: 3, limit: .seconds(86400)))
        #expect(Self.refusal("WEBVTT\n\n00:01.000 --> 99999999999999999999999:00:00.000\nHi\n") == .timestampTooLate(line: 3, limit: .seconds(86400)))
    }

    @Test func endsMustFollowStartsAndStartsMustBeInOrder() {
        #expect(Self.refusal("WEBVTT\n\n00:02.000 --> 00:02.000\nHi\n") == .endBeforeStart(line: 3))
        #expect(Self.refusal("WEBVTT\n\n00:05.000 --> 00:06.000\nA\n\n00:01.000 --> 00:02.000\nB\n")
            == .outOfOrder(line: 6, start: 1000, previousStart: 5000))
    }

    @Test func aNulByteIsRefusedNotRemoved() {
        #expect(Self.refusal("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\u{0}there\n") == .controlCharacter(line: 4, codePoint: 0))
        #expect(Self.refusal("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\u{1B}[31m\n") == .controlCharacter(line: 4, codePoint: 0x1B))
        #expect(Self.refusal("WEBVTT\n\n00:01.000 --> 00:02.000\nHi&#0;\n") == .badCharacterReference(line: 4, text: "&#0;"))
        #expect(Self.refusal("WEBVTT\n\n00:01.000 --> 00:02.000\nHi&#x85;\n") == .badCharacterReference(line: 4, text: "&#x85;"))
    }

    @Test func referencesCannotBreakTheCueApart() throws {
        #expect(Self.refusal("WEBVTT\n\n00:01.000 --> 00:02.000\nA&#10;&#10;00:00.000 --&gt; 09:00.000&#10;B\n")
            == .badCharacterReference(line: 4, text: "&#10;"))
        #expect(Self.refusal("WEBVTT\n\n00:01.000 --> 00:02.000\nA&#xD800;\n") == .badCharacterReference(line: 4, text: "&#xD800;"))
        #expect(Self.refusal("WEBVTT\n\n00:01.000 --> 00:02.000\nA&#99999999999;\n") == .badCharacterReference(line: 4, text: "&#99999999999;"))
        let arrow = try Self.parse("WEBVTT\n\n00:01.000 --> 00:02.000\nA --&gt; B\n")
        #expect(arrow.cues.first?.text == "A --> B" && arrow.webVTT.hasSuffix("A --&gt; B\n\n"))
    }

    @Test func aFileThatIsNotUTF8IsRefused() {
        let latin1: [UInt8] = Array("WEBVTT\n\n00:01.000 --> 00:02.000\nCaf".utf8) + [0xE9, 0x0A]
        #expect(Self.refusal(latin1) == .notUTF8(line: 4))
        #expect(Self.refusal([0xFF, 0xFE] + Array("WEBVTT".utf16).flatMap { [UInt8($0), 0] }) == .notUTF8(line: 1))
        #expect(Self.refusal(Array("WEBVTT\n\n00:01.000 --> 00:02.000\n".utf8) + [0xC0, 0xBC]) == .notUTF8(line: 4))
    }

    @Test func headersThatAreNotWEBVTTAreRefused() {
        #expect(Self.refusal("00:01.000 --> 00:02.000\nHi\n") == .missingHeader)
        #expect(Self.refusal("WEBVTTX\n\n00:01.000 --> 00:02.000\nHi\n") == .missingHeader)
        #expect(Self.refusal("webvtt\n\n00:01.000 --> 00:02.000\nHi\n") == .missingHeader)
        #expect(Self.refusal("\nWEBVTT\n\n00:01.000 --> 00:02.000\nHi\n") == .missingHeader)
        #expect(Self.refusal("WEBVTT\n00:01.000 --> 00:02.000\nHi\n") == .cueInHeader(line: 2))
    }

    @Test func anArrowWithoutSpacesIsRefused() {
        #expect(Self.refusal("WEBVTT\n\n00:01.000-->00:02.000\nHi\n") == .badTimingLine(line: 3, text: "00:01.000-->00:02.000"))
        #expect(Self.refusal("WEBVTT\n\n00:01.000 -->00:02.000\nHi\n") == .badTimingLine(line: 3, text: "00:01.000 -->00:02.000"))
        #expect(Self.refusal("WEBVTT\n\n00:01.000 --> 00:02.000 align:start -->\nHi\n") == .unexpectedArrow(line: 3))
    }

    @Test func emptyFilesAndFilesWithoutCuesAreRefused() {
        #expect(Self.refusal([]) == .empty)
        #expect(Self.refusal([0xEF, 0xBB, 0xBF]) == .empty)
        #expect(Self.refusal("WEBVTT\n") == .noCues)
        #expect(Self.refusal("WEBVTT\n\nNOTE nothing to see\n") == .noCues)
    }

    @Test func malformedBlocksAndTextAreRefused() {
        #expect(Self.refusal("WEBVTT\n\nintro\nno timing here\n") == .cueWithoutTiming(line: 3))
        #expect(Self.refusal("WEBVTT\n\n00:01.000 --> 00:02.000\nA\n00:02.000 --> 00:03.000\nB\n") == .unexpectedArrow(line: 5))
        #expect(Self.refusal("WEBVTT\n\n00:01.000 --> 00:02.000\nA\nI <3 you\n") == .unclosedTag(line: 5))
        #expect(Self.refusal("WEBVTT\n\nx\n00:01.000 --> 00:02.000\nA\n\nx\n00:02.000 --> 00:03.000\nB\n")
            == .duplicateIdentifier(line: 7, identifier: "x"))
    }

    @Test func longCuesAndIdentifiersAreRefused() {
        let long = String(repeating: "a", count: 501)
        #expect(Self.refusal("WEBVTT\n\n00:01.000 --> 00:02.000\n\(long)\n") == .cueTooLong(line: 3, limit: 500))
        #expect(Self.refusal("WEBVTT\n\n\(long)\n00:01.000 --> 00:02.000\nA\n") == .identifierTooLong(line: 3, limit: 500))
        let tagged = "<b>" + String(repeating: "a", count: 500) + "</b>"
        #expect(Self.refusal("WEBVTT\n\n00:01.000 --> 00:02.000\n\(tagged)\n") == nil)
    }

    @Test func everyRefusalNamesWhatToFix() {
        let errors: [CaptionsError] = [
            .empty, .tooLarge(bytes: 300_000, limit: 262_144), .notUTF8(line: 4), .controlCharacter(line: 2, codePoint: 0),
            .missingHeader, .cueInHeader(line: 2), .cueWithoutTiming(line: 3), .unexpectedArrow(line: 5),
            .badTimingLine(line: 3, text: "a-->b"), .badTimestamp(line: 3, text: "00:99:00.000"),
            .timestampTooLate(line: 3, limit: .seconds(86400)), .endBeforeStart(line: 3),
            .outOfOrder(line: 6, start: 1000, previousStart: 5000), .duplicateIdentifier(line: 7, identifier: "x"),
            .identifierTooLong(line: 3, limit: 500), .unclosedTag(line: 5), .badCharacterReference(line: 4, text: "&#0;"),
            .cueTooLong(line: 3, limit: 500), .tooManyCues(limit: 2000), .noCues,
        ]
        for error in errors {
            #expect(error.description.count > 30)
        }
        #expect(CaptionsError.controlCharacter(line: 2, codePoint: 0).description.hasPrefix("Line 2: control character U+0000"))
        #expect(CaptionsError.timestampTooLate(line: 3, limit: .seconds(86400)).description.contains("24:00:00.000"))
        #expect(CaptionsError.outOfOrder(line: 6, start: 1000, previousStart: 5000).description.contains("00:00:01.000"))
    }
}

/// Timestamps for generated files, written independently of the code under test.
enum CaptionTimestampText {
    static func of(_ seconds: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)).000"
    }
}
