import Foundation
import Testing
import VouchLog
import VouchModel

@Suite struct ReviewEntryTests {
    @Test func entriesEncodeCanonicallyAndDecodeToThemselves() throws {
        let entry = ReviewEntry(event: .published, status: .published, clip: 7, clipSHA256: String(repeating: "a", count: 64),
                                fingerprintSHA256: nil, reviewerBinding: String(repeating: "b", count: 64), product: "barista/pro",
                                verdict: .original, score: 0.75123449, time: Date(timeIntervalSince1970: 1_795_000_000.25))
        let text = String(decoding: entry.encoded(), as: UTF8.self)
        #expect(text.hasPrefix(#"{"clip":7,"clipSHA256":"aaaa"#))
        #expect(text.contains(#""product":"barista/pro""#) && text.contains(#""score":"0.751234""#))
        #expect(text.contains(#""time":"2026-11-18T"#) && text.contains(".250Z"))
        #expect(!text.contains(" ") && !text.contains("fingerprintSHA256"))
        let decoded = try ReviewEntry(decoding: entry.encoded())
        #expect(decoded == entry && decoded.encoded() == entry.encoded())
        #expect(entry.isPublic)
    }

    /// The typed status and verdict must write the very bytes the string fields wrote: leaves
    /// already in signed logs are hashed as they are.
    @Test func typedFieldsKeepTheLeafBytes() throws {
        let entry = ReviewEntry(event: .moderated, status: .rejected, decision: "reject", clip: 3, clipSHA256: "ab", fingerprintSHA256: "cd",
                                reviewerBinding: "ef", product: "p", verdict: .reUpload, score: 0.5, provenance: "valid",
                                time: Date(timeIntervalSince1970: 1_795_000_000.25))
        let text = #"{"clip":3,"clipSHA256":"ab","decision":"reject","event":"moderated","fingerprintSHA256":"cd","product":"p","provenance":"valid","#
            + #""reviewerBinding":"ef","score":"0.500000","status":"rejected","time":"2026-11-18T11:06:40.250Z","v":1,"verdict":"re-upload"}"#
        #expect(String(decoding: entry.encoded(), as: UTF8.self) == text)
        #expect(try ReviewEntry(decoding: Data(text.utf8)) == entry)
    }

    @Test func aVerdictFromANewerWriterIsKeptAsWritten() throws {
        let text = #"{"clip":3,"clipSHA256":"ab","event":"published","product":"p","reviewerBinding":"ef","score":"0.500000","#
            + #""status":"published","time":"2026-11-18T11:06:40.250Z","v":1,"verdict":"deepfake"}"#
        let entry = try ReviewEntry(decoding: Data(text.utf8))
        #expect(entry.verdict == .unknown("deepfake") && entry.isPublic)
        #expect(String(decoding: entry.encoded(), as: UTF8.self) == text)
    }
}
