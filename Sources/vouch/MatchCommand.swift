import ArgumentParser
import Foundation
import VouchCommandLine
import VouchFingerprint

/// `vouch match`: every query clip against every reference clip, as JSON lines.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Match a directory of query clips against a directory of references.",
        discussion: """
            Prints one JSON line per query–reference pair scoring at or above --floor: \
            {"query", "reference", "score", "match", "segments"}. Clips that cannot be read \
            are reported on standard error and skipped.
            """
    )

    @Option(help: "A directory of reference clips or fingerprints.", completion: .directory)
    var references: String

    @Option(help: "A directory of query clips or fingerprints.", completion: .directory)
    var queries: String

    @Option(help: "The lowest score printed.")
    var floor = 0.05

    @OptionGroup var settings: SettingsOptions

    func run() throws {
        let loaded = try settings.load()
        let references = try fingerprints(in: self.references, with: loaded.clipFingerprinter)
        let queries = try fingerprints(in: self.queries, with: loaded.clipFingerprinter)
        let matcher = loaded.matcher
        for (queryName, query) in queries {
            for (referenceName, reference) in references where referenceName != queryName {
                let match = matcher.compare(query, with: reference)
                guard match.score >= floor else { continue }
                print(try JSONOutput.string(MatchLine(query: queryName, reference: referenceName, match: match), pretty: false))
            }
        }
    }

    private func fingerprints(in directory: String, with fingerprinter: ClipFingerprinter) throws -> [(String, VideoFingerprint)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }.sorted()
        return names.compactMap { name in
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            do {
                return (path, try fingerprinter.load(path))
            } catch {
                FileHandle.standardError.write(Data("skipped \(path): \(error)\n".utf8))
                return nil
            }
        }
    }

    private struct MatchLine: Encodable {
        var query: String
        var reference: String
        var score: Double
        var match: Bool
        var segments: [MatchSegment]

        init(query: String, reference: String, match: FingerprintMatch) {
            self.query = query
            self.reference = reference
            score = match.score
            self.match = match.isMatch
            segments = match.segments
        }
    }
}
