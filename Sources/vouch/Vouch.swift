import ArgumentParser
import Logging
import VouchServer
import VouchBench

/// The `vouch` command: every Vouch process, from probing one clip to serving the index.
@main
struct Vouch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vouch",
        abstract: "Vouch turns short review videos into a ranked, verifiable authenticity index.",
        discussion: """
            Vouch probes and decodes untrusted review clips with FFmpeg, under hard limits \
            read from Config/vouch.json, fingerprints them, and finds copies. FFmpeg's own \
            messages are silenced; set VOUCH_FFMPEG_LOG=warning (or error, info, debug) to \
            see them. Run 'vouch help <subcommand>' for details.
            """,
        subcommands: [ProbeCommand.self, DecodeCommand.self, FingerprintCommand.self, CompareCommand.self, MatchCommand.self, PlatformCommand.self, ModeratorCommand.self, OperatorCommand.self, ServeCommand.self, WorkerCommand.self, JobsCommand.self, LogCommand.self, VerifyCommand.self, AnalyzeCommand.self, RenderCommand.self, RenditionCommand.self, BenchCommand.self]
    )

    /// Sets up the process once, before any command runs: logging to standard error, and
    /// swift-metrics with the Prometheus registry that `/metrics` serves (a counter made
    /// before the bootstrap would count into nothing for ever).
    static func main() async {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        ProcessMetrics.bootstrap()
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
