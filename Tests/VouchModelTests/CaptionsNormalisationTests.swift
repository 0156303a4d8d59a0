import Foundation
import Testing
import VouchModel

/// The WebVTT Vouch serves: one form, which reads back as the same cues.
@Suite struct CaptionsNormalisationTests {
    static let original = "\u{FEFF}WEBVTT - from a platform\r\nKind: captions\r\n\r\nNOTE made by hand\r\n\r\n"
        + "intro\r\n00:01.000 --> 00:04.000 align:start position:10%\r\n<v Ann>Tom &amp; Jerry</v> say <b>hi</b>\r\n  &lt;3  \r\n\r\n"
        + "01:02:03.004\t-->\t01:02:05.000\r\n&#x1F600; caf\u{E9}&nbsp;ok\r\n"

    @Test func theNormalisedFormIsExact() throws {
        let captions = try Captions(webVTT: Array(Self.original.utf8))
        #expect(captions.webVTT == "WEBVTT\n\nintro\n00:00:01.000 --> 00:00:04.000\nTom &amp; Jerry say hi\n&lt;3\n\n"
            + "01:02:03.004 --> 01:02:05.000\n\u{1F600} caf\u{E9}\u{A0}ok\n\n")
    }

    @Test func theNormalisedFormReadsBackAsTheSameCues() throws {
        let captions = try Captions(webVTT: Array(Self.original.utf8))
        let again = try Captions(webVTT: Array(captions.webVTT.utf8))
        #expect(again == captions)
        #expect(again.webVTT == captions.webVTT)
    }

    @Test func referencesThatLookLikeMarkupSurviveTheRoundTrip() throws {
        let file = "WEBVTT\n\n00:01.000 --> 00:02.000\n&amp;amp; &lt;b&gt; &amp;lt;\n"
        let captions = try Captions(webVTT: Array(file.utf8))
        #expect(captions.cues.first?.text == "&amp; <b> &lt;")
        #expect(try Captions(webVTT: Array(captions.webVTT.utf8)) == captions)
    }

    @Test func cuesSetByHandAreStillWrittenSafely() throws {
        let captions = Captions(cues: [
            CaptionCue(start: 1000, end: 2000, text: "a\n\n00:00.000 --> 09:00.000\n<script>\u{0}", identifier: "x\n\nSTYLE"),
            CaptionCue(start: 2000, end: 3000, text: "", identifier: "ok"),
        ])
        let written = captions.webVTT
        #expect(written == "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na\n00:00.000 --&gt; 09:00.000\n&lt;script&gt;\n\nok\n00:00:02.000 --> 00:00:03.000\n\n")
        let read = try Captions(webVTT: Array(written.utf8))
        #expect(read.cues.count == 2 && read.cues[0].identifier == nil)
    }

    @Test func captionsKeepTheirCuesThroughJSON() throws {
        let captions = try Captions(webVTT: Array(Self.original.utf8))
        let decoded = try JSONDecoder().decode(Captions.self, from: JSONEncoder().encode(captions))
        #expect(decoded == captions)
    }
}
