import ArgumentParser
import Foundation
import VouchLog
import VouchVerifier

/// `vouch verify`: a shopper's or auditor's check that what a Vouch server shows for a
/// product is what its tamper-evident log committed to.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a product's reviews against the server's signed review log, using only the public API and the log's key.",
        discussion: """
            Checks the latest checkpoint's signature; that the log only grew since the checkpoint \
            saved in --state (which is then updated); that each review shown is its clip's latest \
            entry in the signed log, with the score and verdict shown; and, unless --no-complete, \
            replays the whole log to find reviews it says are public that the server no longer shows. \
            A review logged after the latest checkpoint is waited for (--wait), then fails. Exits 1 on \
            any failure.
            """
    )

    @Option(help: "The Vouch server.")
    var server: String = "http://127.0.0.1:8080"

    @Option(help: ArgumentHelp("The log's public key (name+hash+base64), or @file to read it from a file.", valueName: "key"))
    var key: String

    @Option(help: "The product whose reviews to check.")
    var product: String

    @Option(help: ArgumentHelp("Where the last verified checkpoint is kept, to prove the log only grew.", valueName: "path"))
    var state: String = ".vouch-verify-checkpoint"

    @Flag(inversion: .prefixedNo, help: "Replay the whole log to find public reviews the server hides.")
    var complete = true

    @Option(help: ArgumentHelp("Seconds to wait for a checkpoint that covers every review shown.", valueName: "seconds"))
    var wait: Double = 10

    func run() async throws {
        guard let url = URL(string: server), url.scheme == "http" || url.scheme == "https" else { throw ValidationError("--server must be an http(s) URL") }
        guard wait >= 0, wait <= 600 else { throw ValidationError("--wait must be 0–600 seconds") }
        let verifier: NoteVerifier
        do {
            verifier = try NoteVerifier(argument: key)
        } catch {
            throw ValidationError("--key: \(error)")
        }
        let saved = CheckpointState(path: state)
        let report: ReviewLogVerifier.Report
        do {
            report = try await ReviewLogVerifier(client: LogClient(server: url), verifier: verifier, checkpointWait: .milliseconds(Int(wait * 1000)))
                .verify(product: product, previous: try saved.read(), complete: complete)
        } catch let error as VerifyError {
            print("error: \(error)")
            throw ExitCode(69)
        }
        for line in report.passed { print("ok   \(line)") }
        for failure in report.failures { print("FAIL \(failure)") }
        guard report.failures.isEmpty else { throw ExitCode.failure }
        try saved.save(report)
        print("verified: \(product) is shown as the log says")
    }
}
