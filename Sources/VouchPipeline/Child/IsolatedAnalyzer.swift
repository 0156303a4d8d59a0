import Foundation

/// Runs each clip's analysis in a child process, so that a decoder crash, a hang or a
/// memory blow-up costs that clip and nothing else.
///
/// The child (by default this executable's hidden `analyze` subcommand) starts with an
/// empty environment, reads an ``AnalysisRequest`` as JSON on standard input, enters
/// its sandbox, and writes a ``ClipAnalysis`` (exit 0) or an ``AnalysisRejection``
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
        try await ChildRun(command: command, limits: request.limits).exchange(request, for: ClipAnalysis.self)
    }
}
