import ArgumentParser
import Foundation
import VouchConfiguration

/// The `--config` option every subcommand shares, and the settings it loads.
public struct SettingsOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The settings file.",
        discussion: """
            Defaults to $VOUCH_CONFIG, then ./\(SettingsFile.defaultPath); without either, built-in defaults apply. \
            Variables named VOUCH_<SECTION>_<KEY> (VOUCH_SERVER_PORT=8080) override the file; options override both.
            """,
        valueName: "path"
    ))
    public var config: String?

    public init() {}

    /// The settings file in use: --config, then $VOUCH_CONFIG, then the default.
    public var file: SettingsFile {
        SettingsFile(option: config, environment: ProcessInfo.processInfo.environment)
    }

    public func load() throws -> VouchSettings {
        do {
            return try VouchSettings(loading: file, environment: ProcessInfo.processInfo.environment)
        } catch let error as SettingsError {
            throw ValidationError(error.description)
        }
    }
}
