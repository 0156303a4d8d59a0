import ArgumentParser
import Foundation
import VouchAnalysis
import VouchCommandLine
import VouchMedia
import VouchPipeline

/// `vouch analyze`: the isolated child a worker runs for each clip. Not for people.
///
/// It reads an ``AnalysisRequest`` as JSON on standard input, analyses the clip inside
/// its ``Sandbox`` (entered before FFmpeg sees the clip), and answers on standard
/// output: a ``ClipAnalysis`` (naming the sandbox layers in force) and exit 0, or an
/// ``AnalysisRejection`` and exit 65 when the clip itself is unreadable.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse one clip for a worker, in an isolated child process (internal).",
        shouldDisplay: false
    )

    func run() throws {
        let request = try JSONDecoder().decode(AnalysisRequest.self, from: FileHandle.standardInput.readDataToEndOfFile())
        Sandbox.isolate(readingOnly: request.path, limits: request.limits) { sandbox in
            do {
                var analysis = try ClipAnalyzer.analyze(request)
                analysis.sandbox = sandbox
                FileHandle.standardOutput.write(try JSONEncoder().encode(analysis))
                return 0
            } catch let error as MediaError {
                FileHandle.standardOutput.write(try JSONEncoder().encode(AnalysisRejection(reason: error.description)))
                return VouchExit.unreadableInput.rawValue
            }
        }
    }
}
