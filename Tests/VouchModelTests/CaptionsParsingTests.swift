import Testing
import VouchModel

/// Files a platform may well send: they must read as the cues a player would show.
@Suite struct CaptionsParsingTests {
    static func parse(_ text: String, limits: CaptionLimits = .standard) throws(CaptionsError) -> Captions {
        try Captions(webVTT: Array(text.utf8), limits: limits)
    }

    @Test func aPlainFileReadsAsItsCues() throws {
        let captions = try Self.parse("WEBVTT\n\n00:01.000 --> 00:04.000\nNever drink liquid nitrogen.\n\n01:00:05.250 --> 01:00:09.000\nIt will perforate your stomach.\n")
        #expect(captions.cues == [
            CaptionCue(start: 1000, end: 4000, text: "Never drink liquid nitrogen."),
            CaptionCue(start: 3_605_250, end: 3_609_000, text: "It will perforate your stomach."),
        ])
    }

    @Test func headerTextAndHeaderLinesAreAccepted() throws {
        let captions = try Self.parse("WEBVTT - captions by a platform\nKind: captions\nLanguage: en\n\n00:01.000 --> 00:02.000\nHi\n")
        #expect(captions.cues.map(\.text) == ["Hi"])
        #expect(try Self.parse("WEBVTT\tnote\n\n00:01.000 --> 00:02.000\nHi").cues.count == 1)
    }

    @Test func identifiersAreKept() throws {
        let captions = try Self.parse("WEBVTT\n\nintro\n00:01.000 --> 00:02.000\nHello\n\n2\n00:02.000 --> 00:03.000\nAgain\n")
        #expect(captions.cues.map(\.identifier) == ["intro", "2"])
    }

    @Test func cueSettingsAreAcceptedAndDropped() throws {
        let captions = try Self.parse("WEBVTT\n\n00:01.000 --> 00:02.000 position:10%,line-left align:left size:35%\tline:0\nPlaced\n")
        #expect(captions.cues == [CaptionCue(start: 1000, end: 2000, text: "Placed")])
        #expect(!captions.webVTT.contains("position"))
    }

    @Test func multiLineTextKeepsItsLines() throws {
        let captions = try Self.parse("WEBVTT\n\n00:01.000 --> 00:02.000\n- Where are we now?\n- This is big bat country.\n")
        #expect(captions.cues.first?.text == "- Where are we now?\n- This is big bat country.")
    }

    @Test func crlfCrAndLfAllEndLines() throws {
        let lf = try Self.parse("WEBVTT\n\n00:01.000 --> 00:02.000\nOne\nTwo\n")
        #expect(try Self.parse("WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nOne\r\nTwo\r\n") == lf)
        #expect(try Self.parse("WEBVTT\r\r00:01.000 --> 00:02.000\rOne\rTwo\r") == lf)
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let captions = try Captions(webVTT: [0xEF, 0xBB, 0xBF] + Array("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n".utf8))
        #expect(captions.cues.map(\.text) == ["Hi"])
    }

    @Test func markupIsStrippedAndReferencesDecoded() throws {
        let text = "<v Roger Bingham><b>Bold</b> <i.loud>and</i> <c.yellow.bg_blue>styled</c> <u>text</u> <lang en>&amp;</lang>"
            + " <ruby>漢<rt>kan</rt></ruby> <00:01.500>later &lt;3 &gt; &#38;&#x41;&nbsp;&lrm;&rlm;"
        let captions = try Self.parse("WEBVTT\n\n00:01.000 --> 00:02.000\n\(text)\n")
        #expect(captions.cues.first?.text == "Bold and styled text & 漢kan later <3 > &A\u{A0}\u{200E}\u{200F}")
    }

    @Test func anAmpersandStartingNoReferenceIsText() throws {
        let captions = try Self.parse("WEBVTT\n\n00:01.000 --> 00:02.000\nTom & Jerry &copy; &amp &#; &#xZZ;\n")
        #expect(captions.cues.first?.text == "Tom & Jerry &copy; &amp &#; &#xZZ;")
    }

    @Test func linesLeftEmptyByStrippingAreDropped() throws {
        let captions = try Self.parse("WEBVTT\n\n00:01.000 --> 00:02.000\n  First  \n<i></i>\nSecond\n\n00:02.000 --> 00:03.000\n<b></b>\n")
        #expect(captions.cues.map(\.text) == ["First\nSecond", ""])
    }

    @Test func notesStylesAndRegionsAreSkipped() throws {
        let file = "WEBVTT\n\nNOTE a comment\nover two lines\n\nREGION\nid:fred width:40%\n\nSTYLE\n::cue { color: red }\n\n"
            + "NOTE\n\n00:01.000 --> 00:02.000\nHi\n\nNOTE after the cues\n"
        #expect(try Self.parse(file).cues == [CaptionCue(start: 1000, end: 2000, text: "Hi")])
    }

    @Test func equalStartTimesAreInOrder() throws {
        let captions = try Self.parse("WEBVTT\n\n00:01.000 --> 00:03.000\nA\n\n00:01.000 --> 00:02.000\nB\n")
        #expect(captions.cues.map(\.text) == ["A", "B"])
    }

    @Test func hoursMayHaveMoreThanTwoDigits() throws {
        let limits = CaptionLimits(maxTimestamp: .seconds(200 * 3600))
        let captions = try Self.parse("WEBVTT\n\n100:00:00.000 --> 100:00:01.000\nLate\n", limits: limits)
        #expect(captions.cues.first?.start == 360_000_000)
        #expect(captions.webVTT.contains("100:00:00.000 --> 100:00:01.000"))
    }

    @Test func theLimitsAreInclusive() throws {
        let limits = CaptionLimits(maxBytes: 64, maxCues: 1, maxCueLength: 3, maxTimestamp: .seconds(2))
        let file = "WEBVTT\n\nabc\n00:01.000 --> 00:02.000\nabc\n"
        #expect(file.utf8.count <= 64)
        #expect(try Self.parse(file, limits: limits).cues.count == 1)
    }
}
