import Foundation

/// Runs each clip's analysis in a child process, so that a decoder crash, a hang or a
/// memory blow-up costs that clip and nothing else.
///
/// The child (by default this executable's hidden `analyze` subcommand) starts with an
/// empty environment, reads an ``AnalysisRequest`` as JSON on standard input, enters
/// its sandbox (`VouchAnalysis`), and writes a ``ClipAnalysis`` (exit 0) or an ``AnalysisRejection``
/// (exit 65) as JSON.
public struct IsolatedAnalyzer: Sendable {
    /// The child's executable and leading arguments.
    public var command: [String]

    public init(command: [String]) {
        self.command = command
    }

    /// This executable's own `analyze` subcommand.
    public static var ownExecutable: IsolatedAnalyzer {
        IsolatedAnalyzer(command: [URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path, "analyze"])
    }

    public func analyze(_ request: AnalysisRequest) async throws -> ClipAnalysis {
        let input = try JSONEncoder().encode(request)
        let run = try await ChildRun.start(command, input: input, limits: request.limits)
        let result = await run.finished()
        switch result.stopped {
        case .timedOut: throw PipelineError.childTimedOut(seconds: request.limits.wallSeconds)
        case .answerTooLarge: throw PipelineError.childAnswerTooLarge(limit: request.limits.maxAnswerBytes)
        case .cancelled: throw CancellationError()
        case nil: break
        }
        switch (result.reason, result.status) {
        case (.uncaughtSignal, let signal):
            throw PipelineError.childCrashed(signal: signal)
        case (.exit, 0):
            do {
                return try JSONDecoder().decode(ClipAnalysis.self, from: result.output)
            } catch {
                throw PipelineError.childFailed(status: 0, detail: "its answer was not readable: \(error)")
            }
        case (.exit, 65):
            guard let rejection = try? JSONDecoder().decode(AnalysisRejection.self, from: result.output) else {
                throw PipelineError.childFailed(status: 65, detail: result.errorTail)
            }
            throw PipelineError.rejectedMedia(rejection.reason)
        case (.exit, let status):
            throw PipelineError.childFailed(status: status, detail: result.errorTail)
        @unknown default:
            throw PipelineError.childFailed(status: result.status, detail: result.errorTail)
        }
    }
}
