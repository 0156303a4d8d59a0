import Foundation
import Testing
import VouchModel

@Suite struct ScoreExplanationTests {
    /// A document exactly as the pipeline wrote it while the schema was private structs.
    static let written = #"{"flags":["copy-of-other-identity"],"matches":[{"clipID":4,"kind":"other-identity","queryCoverage":0.94,"score":0.9}],"#
        + #""score":{"identityAssurance":0.6,"originality":0.06,"reviewerTrust":0.25,"score":0.3},"verdict":"copy"}"#

    @Test func aDocumentWrittenBeforeReadsAndWritesBackTheSameBytes() throws {
        let explanation = try JSONDecoder().decode(ScoreExplanation.self, from: Data(Self.written.utf8))
        #expect(explanation.verdict == .copy && explanation.flags == [.copyOfOtherIdentity])
        #expect(explanation.matches == [MatchEvidence(clipID: 4, kind: .otherIdentity, score: 0.9, queryCoverage: 0.94)])
        #expect(explanation.parts == ScoreParts(score: 0.3, identityAssurance: 0.6, originality: 0.06, reviewerTrust: 0.25))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(explanation), as: UTF8.self) == Self.written)
    }

    @Test func missingFieldsDefaultAndOnlyTheScoreIsRequired() throws {
        let sparse = #"{"score":{"identityAssurance":0.4,"originality":1,"reviewerTrust":0.5,"score":0.7}}"#
        let explanation = try JSONDecoder().decode(ScoreExplanation.self, from: Data(sparse.utf8))
        #expect(explanation.verdict == .unexplained && explanation.matches.isEmpty && explanation.flags.isEmpty)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ScoreExplanation.self, from: Data(#"{"verdict":"copy"}"#.utf8)) }
    }

    @Test func unknownVerdictsAndFlagKindsAreKeptAsWritten() throws {
        let newer = #"{"flags":["deepfake-suspected","ring"],"score":{"identityAssurance":0,"originality":0,"reviewerTrust":0,"score":0},"verdict":"synthetic"}"#
        let explanation = try JSONDecoder().decode(ScoreExplanation.self, from: Data(newer.utf8))
        #expect(explanation.verdict == .unknown("synthetic"))
        #expect(explanation.flags == [.unknown("deepfake-suspected"), .ring])
        #expect(explanation.flags.map(\.rawValue) == ["deepfake-suspected", "ring"])
    }
}
