import ArgumentParser
import Foundation
import VouchCommandLine
import VouchFingerprint
import VouchPipeline

/// `vouch match`: every query clip against every reference clip, as JSON lines.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Match a directory of query clips against a directory of references.",
        discussion: """
            Prints one JSON line per query–reference pair scoring at or above --floor: \
            {"query", "reference", "score", "match", "segments"}. Clips that cannot be read \
            are reported on standard error and skipped. With --common, segments inside \
            common content are set aside (as "commonSegments") and the pair re-scored on \
            the rest, as the pipeline does: a pair sharing only an end card is no match.
            """
    )

    @Option(help: "A directory of reference clips or fingerprints.", completion: .directory)
    var references: String

    @Option(help: "A directory of query clips or fingerprints.", completion: .directory)
    var queries: String

    @Option(help: "The lowest score printed.")
    var floor = 0.05

    @Option(help: "A directory of common content (end cards, intros), as clips or fingerprints: matches inside it count for nothing.",
            completion: .directory)
    var common: String?

    @OptionGroup var settings: SettingsOptions

    func run() throws {
        let loaded = try settings.load()
        let references = try fingerprints(in: self.references, with: loaded.clipFingerprinter)
        let queries = try fingerprints(in: self.queries, with: loaded.clipFingerprinter)
        let bank = try common.map { try fingerprints(in: $0, with: loaded.clipFingerprinter).map(\.1) } ?? []
        let matcher = loaded.matcher
        for (queryName, query) in queries {
            let commonContent = matcher.commonContent(in: query, bank: bank)
            for (referenceName, reference) in references where referenceName != queryName {
                let match = matcher.settingAside(commonContent, share: loaded.pipeline.commonContent.discountShare,
                                                 from: matcher.compare(query, with: reference), of: query, with: reference)
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
        var commonSegments: [MatchSegment]?

        init(query: String, reference: String, match: FingerprintMatch) {
            self.query = query
            self.reference = reference
            score = match.score
            self.match = match.isMatch
            segments = match.segments
            commonSegments = match.commonSegments
        }
    }
}
