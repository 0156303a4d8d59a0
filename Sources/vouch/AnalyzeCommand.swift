import ArgumentParser
import Foundation
import VouchMedia
import VouchPipeline

/// `vouch analyze`: the isolated child a worker runs for each clip. Not for people.
///
/// It reads an ``AnalysisRequest`` as JSON on standard input, limits its own CPU and
/// memory, and answers on standard output: a ``ClipAnalysis`` and exit 0, or an
/// ``AnalysisRejection`` and exit 65 when the clip itself is unreadable.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse one clip for a worker, in an isolated child process (internal).",
        shouldDisplay: false
    )

    func run() throws {
        let request = try JSONDecoder().decode(AnalysisRequest.self, from: FileHandle.standardInput.readDataToEndOfFile())
        try request.limits.applyToCurrentProcess()
        do {
            let analysis = try ClipAnalyzer.analyze(request)
            FileHandle.standardOutput.write(try JSONEncoder().encode(analysis))
        } catch let error as MediaError {
            FileHandle.standardOutput.write(try JSONEncoder().encode(AnalysisRejection(reason: error.description)))
            throw VouchExit.unreadableInput
        }
    }
}
