import Foundation
import Testing
import VouchLog
import VouchVerifier

@Suite struct CheckpointStateTests {
    @Test func onlyAFullyVerifiedCheckpointIsKept() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-state-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let state = CheckpointState(path: path)
        #expect(try state.read() == nil, "a first run has no saved checkpoint")

        var report = ReviewLogVerifier.Report()
        report.note = "first note"
        report.failures = [.logRewritten(size: 1)]
        try state.save(report)
        #expect(try state.read() == nil, "a failed run keeps nothing")

        report.failures = []
        try state.save(report)
        #expect(try state.read() == "first note")
    }

    @Test func aKeyIsReadFromItselfOrFromAFile() throws {
        let signer = try NoteSigner.generate(name: "vouch.test/reviews")
        #expect(try NoteVerifier(argument: signer.verifier.encoded) == signer.verifier)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-key-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try (signer.verifier.encoded + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try NoteVerifier(argument: "@" + path) == signer.verifier)
    }
}
