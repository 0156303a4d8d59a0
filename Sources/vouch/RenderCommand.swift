import ArgumentParser
import Foundation
import VouchAnalysis
import VouchCommandLine
import VouchMedia
import VouchPipeline

/// `vouch render`: the isolated child a worker runs for each clip's web rendition. Not for people.
///
/// It reads a ``RenditionRequest`` as JSON on standard input, creates the two outputs,
/// makes the rendition inside the analysis ``Sandbox`` (entered before FFmpeg sees the
/// clip, with the outputs as the only writable files), and answers on standard output:
/// a ``RenditionAnswer`` and exit 0, or an ``AnalysisRejection`` and exit 65 when the
/// clip itself cannot be rendered.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Make one clip's web rendition and poster for a worker, in an isolated child process (internal).",
        shouldDisplay: false
    )

    func run() throws {
        let request = try JSONDecoder().decode(RenditionRequest.self, from: FileHandle.standardInput.readDataToEndOfFile())
        try ClipRenderer.prepareOutputs(of: request)
        Sandbox.isolate(readingOnly: request.input, writing: [request.video, request.poster], maxFileBytes: request.maxOutputBytes,
                        limits: request.limits) { sandbox in
            let report: RenditionReport
            do throws(MediaError) {
                report = try ClipRenderer.render(request)
            } catch {
                FileHandle.standardOutput.write(try JSONEncoder().encode(AnalysisRejection(reason: error.description)))
                return VouchExit.unreadableInput.rawValue
            }
            FileHandle.standardOutput.write(try JSONEncoder().encode(RenditionAnswer(report: report, sandbox: sandbox)))
            return 0
        }
    }
}
