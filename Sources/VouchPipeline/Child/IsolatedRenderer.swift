import Foundation

/// Makes each clip's web rendition and poster in a child process, so that a decoder or
/// encoder crash, a hang or a memory blow-up costs that clip and nothing else.
///
/// The child (by default this executable's hidden `render` subcommand) starts with an
/// empty environment, reads a ``RenditionRequest`` as JSON on standard input, enters the
/// analysis sandbox with the two outputs as the only writable files, and writes a
/// ``RenditionAnswer`` (exit 0) or an ``AnalysisRejection`` (exit 65) as JSON.
public struct IsolatedRenderer: Sendable {
    /// The child's executable and leading arguments.
    public var command: [String]

    public init(command: [String]) {
        self.command = command
    }

    /// This executable's own `render` subcommand.
    public static var ownExecutable: IsolatedRenderer {
        IsolatedRenderer(command: [URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path, "render"])
    }

    /// - Throws: ``PipelineError/rejectedMedia(_:)`` for a clip that cannot be rendered,
    ///   and the other ``PipelineError`` cases when the child crashes, hangs or fails;
    ///   whatever the child left of the two outputs is removed then.
    public func render(_ request: RenditionRequest) async throws -> RenditionAnswer {
        do {
            return try await run(request)
        } catch {
            for output in [request.video, request.poster] {
                try? FileManager.default.removeItem(atPath: output)
            }
            throw error
        }
    }

    private func run(_ request: RenditionRequest) async throws -> RenditionAnswer {
        try await ChildRun(command: command, limits: request.limits).exchange(request, for: RenditionAnswer.self)
    }
}
