import Foundation
import Testing
import VouchLog
import VouchVerifier

@Suite struct ReviewLogVerifierTests {
    let signer = try! NoteSigner.generate(name: RecordedLog.origin)

    func verify(_ log: RecordedLog, previous: String? = nil, complete: Bool = true, key: NoteVerifier? = nil) async throws -> ReviewLogVerifier.Report {
        try await ReviewLogVerifier(client: log.client, verifier: key ?? signer.verifier, checkpointWait: .zero)
            .verify(product: RecordedLog.product, previous: previous, complete: complete)
    }

    @Test func anHonestLogVerifiesAndItsCheckpointIsKept() async throws {
        let log = RecordedLog(clips: 5, signer: signer)
        let report = try await verify(log)
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(report.checkpoint == log.checkpoint)
        #expect(report.passed.contains("all 5 entries replayed to the signed root"))
        #expect(report.passed.filter { $0.hasPrefix("clip ") }.count == 5)

        let grown = RecordedLog(clips: 9, signer: signer)
        let again = try await verify(grown, previous: report.note, complete: false)
        #expect(again.failures.isEmpty, "\(again.failures)")
        #expect(again.passed.contains("the log only grew since the checkpoint seen before (5 → 9)"))
    }

    @Test func aCheckpointSignedByAnotherKeyFails() async throws {
        let log = RecordedLog(clips: 3, signer: try NoteSigner.generate(name: RecordedLog.origin))
        let report = try await verify(log)
        guard case .checkpointNotSigned(let key, _) = try #require(report.failures.first) else {
            Issue.record("expected an unsigned checkpoint, got \(report.failures)")
            return
        }
        #expect(key == signer.verifier.encoded && report.failures.count == 1 && report.note == nil)
    }

    @Test func aChangedLeafDoesNotMakeTheSignedRoot() async throws {
        var log = RecordedLog(clips: 4, signer: signer)
        log.signedLeaves = log.entries
        log.entries[2] = RecordedLog.entry(clip: 3, status: .published, score: 0.99)
        log.shown[2].score = 0.99
        #expect(try await verify(log).failures == [.entriesNotSigned(0..<4)])
        #expect(try await verify(log, complete: false).failures == [.entriesNotSigned(0..<4)], "a tail proof catches it too")
    }

    @Test func rewrittenHistoryIsCaughtAgainstTheCheckpointSeenBefore() async throws {
        let before = try RecordedLog(clips: 3, signer: signer).checkpointNote()

        var rewritten = RecordedLog(clips: 5, signer: signer)
        rewritten.entries[1] = RecordedLog.entry(clip: 2, status: .published, score: 0.1)
        rewritten.shown[1].score = 0.1
        #expect(try await verify(rewritten, previous: before).failures == [.notAnExtension(before: 3, now: 5)])

        var sameSize = RecordedLog(clips: 3, signer: signer)
        sameSize.entries[0] = RecordedLog.entry(clip: 1, status: .published, score: 0.2)
        sameSize.shown[0].score = 0.2
        #expect(try await verify(sameSize, previous: before).failures == [.logRewritten(size: 3)])

        #expect(try await verify(RecordedLog(clips: 2, signer: signer), previous: before).failures == [.logShrank(before: 3, now: 2)])
    }

    @Test func aSavedCheckpointThatIsNotTheLogsIsAnErrorNotAFailure() async throws {
        let stranger = try RecordedLog(clips: 3, signer: try NoteSigner.generate(name: RecordedLog.origin)).checkpointNote()
        await #expect {
            try await verify(RecordedLog(clips: 3, signer: signer), previous: stranger)
        } throws: { error in
            guard case VerifyError.state = error else { return false }
            return true
        }
    }

    @Test func aReviewShownOtherwiseThanLoggedFails() async throws {
        var log = RecordedLog(clips: 3, signer: signer)
        log.shown[0].score = 0.99
        log.shown[1].verdict = "copy"
        let failures = try await verify(log).failures
        #expect(failures == [
            .shownOtherwise(clip: 1, index: 0, differences: ["shown score 0.990000, logged 0.500000"]),
            .shownOtherwise(clip: 2, index: 1, differences: ["shown verdict copy, logged original"]),
        ])
    }

    @Test func wordsShownOtherwiseThanLoggedFail() async throws {
        var log = RecordedLog(clips: 2, signer: signer)
        for clip in 0..<2 {
            log.entries[clip] = RecordedLog.entry(clip: Int64(clip + 1), status: .published, score: 0.5 + Double(clip) / 100, rating: 2)
            log.shown[clip].rating = 2
        }
        #expect(try await verify(log).failures.isEmpty, "words shown as logged verify")
        log.shown[1].rating = 5
        let failures = try await verify(log).failures
        #expect(failures.count == 1)
        guard case .shownOtherwise(let clip, _, let differences)? = failures.first else { Issue.record("\(failures)"); return }
        #expect(clip == 2 && differences.first?.hasPrefix("shown words hash to") == true, "a rating raised in the database is caught")
    }

    @Test func aTakenDownReviewShownAtItsOldEntryFails() async throws {
        var log = RecordedLog(clips: 2, signer: signer)
        log.entries.append(RecordedLog.entry(clip: 1, status: .rejected, score: 0.5))
        #expect(try await verify(log).failures == [.notLatestEntry(clip: 1, index: 0, latest: 2)])
    }

    @Test func aPublicReviewTheServerHidesFails() async throws {
        var log = RecordedLog(clips: 4, signer: signer)
        log.shown.removeAll { $0.clip == 2 || $0.clip == 4 }
        #expect(try await verify(log).failures == [.hidden(product: RecordedLog.product, clips: [2, 4])])
        #expect(try await verify(log, complete: false).failures.isEmpty, "without --complete only what is shown is checked")
    }

    @Test func reviewsOutsideTheSignedLogOrUnloggedFail() async throws {
        var log = RecordedLog(clips: 2, signer: signer)
        log.shown.append(RecordedLog.Shown(clip: 7, score: 0.5, verdict: "original", logIndex: nil))
        log.shown.append(RecordedLog.Shown(clip: 8, score: 0.5, verdict: "original", logIndex: 1000))
        log.shown[1].logIndex = 0
        let failures = try await verify(log, complete: false).failures
        #expect(failures.contains(.notLogged(clip: 7)))
        #expect(failures.contains(.outsideSignedLog(clip: 8, index: 1000, size: 2)))
        #expect(failures.contains(.entryAboutAnotherClip(clip: 2, index: 0)))
    }
}
