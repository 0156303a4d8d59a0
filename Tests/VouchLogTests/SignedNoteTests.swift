import Foundation
import Testing
import VouchLog

@Suite struct SignedNoteTests {
    /// The example key and note of Go's reference implementation (golang.org/x/mod/sumdb/note).
    static let goVerifier = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let goSigner = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    static let goText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    static let goNote = goText + "\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"

    @Test func signsAndOpensExactlyAsGoDoes() throws {
        let signer = try NoteSigner(parsing: Self.goSigner)
        #expect(signer.verifier.encoded == Self.goVerifier)
        #expect(signer.encoded == Self.goSigner)
        #expect(try signer.sign(Self.goText) == Self.goNote, "Ed25519 is deterministic, so the note is byte for byte Go's")
        let verifier = try NoteVerifier(parsing: Self.goVerifier)
        #expect(try verifier.open(Self.goNote) == Self.goText)
    }

    @Test func alteredNotesAndForeignKeysAreRefused() throws {
        let verifier = try NoteVerifier(parsing: Self.goVerifier)
        #expect(throws: NoteError.noValidSignature(keyName: "PeterNeumann")) {
            try verifier.open(Self.goNote.replacingOccurrences(of: "cryptography", with: "cryptographY"))
        }
        let other = try NoteSigner.generate(name: "PeterNeumann")
        #expect(throws: NoteError.noValidSignature(keyName: "PeterNeumann")) { try verifier.open(try other.sign(Self.goText)) }
        #expect(throws: NoteError.self) { try verifier.open(Self.goText) }
        #expect(throws: NoteError.self) { try NoteVerifier(parsing: "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW") }
        #expect(throws: NoteError.self) { try NoteVerifier(parsing: "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW") }
        #expect(throws: NoteError.self) { try NoteSigner(parsing: "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEK") }
    }

    @Test func aCheckpointSurvivesSigningAndOpening() throws {
        let signer = try NoteSigner.generate(name: "vouch.example/log")
        let checkpoint = Checkpoint(origin: "vouch.example/log", size: 12, root: .leaf(Data("x".utf8)))
        let note = try signer.sign(checkpoint.text)
        #expect(try Checkpoint(note: note, verifier: signer.verifier) == checkpoint)
        let lines = note.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "vouch.example/log" && lines[1] == "12" && lines[3].isEmpty && lines[4].hasPrefix("— vouch.example/log "))
        #expect(throws: NoteError.self) { try Checkpoint(text: "vouch.example/log\n012\n\(checkpoint.root.base64)\n") }
        #expect(throws: NoteError.self) { try Checkpoint(text: "vouch.example/log\n12\nAAAA\n") }
    }
}
