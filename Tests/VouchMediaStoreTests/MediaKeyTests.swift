import Testing
@testable import VouchMediaStore

@Suite struct MediaKeyTests {
    @Test(arguments: [
        "originals/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "renditions/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.mp4",
        "posters/abc.jpg", "captions/a_b-c.vtt", "x", "a/.hidden", "a/..b",
    ])
    func acceptsContentAddressedNames(text: String) throws {
        #expect(try MediaKey(text).rawValue == text)
        #expect(try MediaKey(text).description == text)
    }

    @Test(arguments: [
        "", "../x", "..", "originals/../../x", "originals/..", "./x", "a/./b", "/etc/passwd", "originals/",
        "a//b", "Originals/X.mp4", "posters/a b.jpg", "posters/a%2e%2e", "a\\..\\b", "a\u{0}b", "posters/é.jpg",
        "originals/abc?x=1", String(repeating: "a", count: 201),
    ])
    func refusesAnythingElse(text: String) {
        let error = #expect(throws: MediaStoreError.self) { try MediaKey(text) }
        guard case .invalidKey(let refused, let reason) = error else {
            Issue.record("expected invalidKey, got \(String(describing: error))")
            return
        }
        #expect(refused == text)
        #expect(!reason.isEmpty)
    }

    @Test func acceptsTheLongestAllowedKey() throws {
        #expect(try MediaKey(String(repeating: "a", count: MediaKey.maximumLength)).rawValue.count == 200)
    }
}
