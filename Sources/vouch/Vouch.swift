import ArgumentParser

/// The `vouch` command: every Vouch process, from probing one clip to serving the index.
@main
struct Vouch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vouch",
        abstract: "Vouch turns short review videos into a ranked, verifiable authenticity index.",
        discussion: """
            Vouch probes and decodes untrusted review clips with FFmpeg, under hard limits \
            read from Config/vouch.json. Run 'vouch help <subcommand>' for details.
            """,
        subcommands: [ProbeCommand.self, DecodeCommand.self, FingerprintCommand.self, CompareCommand.self, MatchCommand.self, BenchCommand.self]
    )
}
