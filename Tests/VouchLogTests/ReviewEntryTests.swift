import Foundation
import Testing
import VouchLog

@Suite struct ReviewEntryTests {
    @Test func entriesEncodeCanonicallyAndDecodeToThemselves() throws {
        let entry = ReviewEntry(event: .published, status: "published", clip: 7, clipSHA256: String(repeating: "a", count: 64),
                                fingerprintSHA256: nil, reviewerBinding: String(repeating: "b", count: 64), product: "barista/pro",
                                verdict: "original", score: 0.75123449, time: Date(timeIntervalSince1970: 1_795_000_000.25))
        let text = String(decoding: entry.encoded(), as: UTF8.self)
        #expect(text.hasPrefix(#"{"clip":7,"clipSHA256":"aaaa"#))
        #expect(text.contains(#""product":"barista/pro""#) && text.contains(#""score":"0.751234""#))
        #expect(text.contains(#""time":"2026-11-18T"#) && text.contains(".250Z"))
        #expect(!text.contains(" ") && !text.contains("fingerprintSHA256"))
        let decoded = try ReviewEntry(decoding: entry.encoded())
        #expect(decoded == entry && decoded.encoded() == entry.encoded())
        #expect(entry.isPublic)
    }
}
