import Testing
import VouchModel

/// The raw values are the API's, the store's and the signed log's: they must stay the words written so far.
@Suite struct VocabularyTests {
    @Test func verdictsKeepTheirWords() {
        let words = ["original", "re-upload", "copy", "reference-footage", "unexplained"]
        #expect([Verdict.original, .reUpload, .copy, .referenceFootage, .unexplained].map(\.rawValue) == words)
        #expect(words.map(Verdict.init(rawValue:)).allSatisfy { if case .unknown = $0 { false } else { true } })
        #expect(Verdict(rawValue: "Original") == .unknown("Original"))
    }

    @Test func flagKindsKeepTheirWords() {
        let words = ["copy-of-other-identity", "reference-footage", "banned-identity", "ring", "ai-generated", "provenance-invalid"]
        let kinds: [FlagKind] = [.copyOfOtherIdentity, .referenceFootage, .bannedIdentity, .ring, .aiGenerated, .provenanceInvalid]
        #expect(kinds.map(\.rawValue) == words)
        #expect(words.map(FlagKind.init(rawValue:)) == kinds)
        #expect(FlagKind(rawValue: "ring ").rawValue == "ring ")
    }

    @Test func statusesKeepTheirWords() {
        #expect(ClipStatus.allCases.map(\.rawValue) == ["received", "processing", "published", "flagged", "rejected", "failed", "erased"])
    }
}
