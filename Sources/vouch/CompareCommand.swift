import ArgumentParser
import Foundation
import VouchCommandLine
import VouchFingerprint

/// `vouch compare`: does one clip copy another, and where?
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two clips (or saved fingerprints): score, decision and aligned segments.",
        discussion: "A is the query and B the reference. Exits 0 either way; the decision is in the output."
    )

    @Argument(help: "The query: a video, or a fingerprint (.vfp, .json, vPDQ .txt).")
    var a: String

    @Argument(help: "The reference, in any of the same forms.")
    var b: String

    @Flag(help: "Print the result as JSON.")
    var json = false

    @OptionGroup var settings: SettingsOptions

    func run() throws {
        let loaded = try settings.load()
        let fingerprinter = loaded.clipFingerprinter
        let (query, reference) = try withMediaErrorsReported(json: json) { (try fingerprinter.load(a), try fingerprinter.load(b)) }
        let match = loaded.matcher.compare(query, with: reference)
        print(json ? try JSONOutput.string(match) : MatchReport(match).text)
    }
}

/// The human-readable form of a comparison.
struct MatchReport {
    let match: FingerprintMatch

    init(_ match: FingerprintMatch) {
        self.match = match
    }

    var text: String {
        var lines = [
            String(format: "%@  score %.3f", match.isMatch ? "MATCH" : "no match", match.score),
            String(format: "coverage: %.0f%% of the query, %.0f%% of the reference", match.queryCoverage * 100, match.referenceCoverage * 100),
        ]
        for segment in match.segments {
            let evidence = if let distance = segment.meanDistance {
                String(format: "mean distance %.1f", distance)
            } else if let window = segment.referenceWindow, let correlation = segment.correlation {
                String(format: "crop of the reference x %.2f–%.2f, y %.2f–%.2f, correlation %.3f", window.left, window.right, window.top, window.bottom, correlation)
            } else if let window = segment.queryWindow, let correlation = segment.correlation {
                String(format: "the reference fills x %.2f–%.2f, y %.2f–%.2f of the query, correlation %.3f", window.left, window.right, window.top, window.bottom, correlation)
            } else if let placed = segment.placedFeatures {
                String(format: "%.1f local features a frame placed on the reference", placed)
            } else {
                ""
            }
            lines.append(String(
                format: "  query %.1f–%.1f s  ↔  reference %.1f–%.1f s   speed %.2f×, %@, %d frames, %@",
                segment.queryStart, segment.queryEnd, segment.referenceStart, segment.referenceEnd,
                segment.speed, segment.symmetry.rawValue, segment.matchedFrames, evidence
            ))
        }
        return lines.joined(separator: "\n")
    }
}
