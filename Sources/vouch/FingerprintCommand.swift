import ArgumentParser
import Foundation
import VouchCommandLine
import VouchFingerprint

/// `vouch fingerprint`: the frame hashes Vouch indexes a clip by.
struct FingerprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fingerprint",
        abstract: "Fingerprint clips: sampled PDQ frame hashes of the picture inside its borders.",
        discussion: """
            json prints one JSON object per file (one per line when several files are given); \
            vpdq prints vPDQ's text lines (frameNumber,quality,hex,timestamp) for ThreatExchange tools; \
            binary writes FILE.vfp into --output. A file that cannot be read is reported and \
            skipped; the exit status is then 65.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, vpdq, binary
    }

    @Argument(help: "The video files to fingerprint.")
    var files: [String]

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .json

    @Option(help: "A directory to write one file per clip into, instead of standard output.", completion: .directory)
    var output: String?

    @OptionGroup var settings: SettingsOptions

    func validate() throws {
        if format == .binary && output == nil { throw ValidationError("--format binary needs --output DIR") }
    }

    func run() throws {
        let fingerprinter = try settings.load().clipFingerprinter
        if let output { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) }
        var failures = 0
        for file in files {
            let fingerprint: VideoFingerprint
            do {
                fingerprint = try withMediaErrorsReported(json: false) { try fingerprinter.fingerprint(file) }
            } catch {
                failures += 1
                continue
            }
            let data: Data
            let fileExtension: String
            switch format {
            case .json:
                data = Data(try JSONOutput.string(FileFingerprint(file: file, fingerprint: fingerprint), pretty: files.count == 1 && output == nil).utf8)
                fileExtension = "json"
            case .vpdq:
                data = Data(fingerprint.vpdqText.utf8)
                fileExtension = "txt"
            case .binary:
                data = fingerprint.binary()
                fileExtension = "vfp"
            }
            if let output {
                let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + "." + fileExtension
                try data.write(to: URL(fileURLWithPath: output).appendingPathComponent(name))
            } else {
                FileHandle.standardOutput.write(data)
                if format == .json { print() }
            }
        }
        if failures > 0 { throw VouchExit.unreadableInput }
    }

    private struct FileFingerprint: Encodable {
        var file: String
        var fingerprint: VideoFingerprint
    }
}
