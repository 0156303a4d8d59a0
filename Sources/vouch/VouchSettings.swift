import ArgumentParser
import Foundation
import VouchFingerprint
import VouchIdentity
import VouchIndex
import VouchMedia
import VouchPipeline
import VouchServer

/// Everything `Config/vouch.json` configures, one section per module.
struct VouchSettings: Codable {
    var media = MediaSettings()
    var fingerprint = FingerprintSettings()
    var identity = IdentitySettings()
    var index = IndexSettings()
    var pipeline = PipelineSettings()
    var scoring = ScoringModel()
    var server = ServerSettings()
    var moderation = ModerationSettings()
    var log = LogSettings()
    var provenance = ProvenanceSettings()

    var pipelineConfiguration: PipelineConfiguration {
        var index = index
        index.matching = fingerprint.matching
        return PipelineConfiguration(pipeline: pipeline, media: media, fingerprint: fingerprint, index: index, scoring: scoring, log: log, provenance: provenance)
    }

    var clipFingerprinter: ClipFingerprinter {
        ClipFingerprinter(media: media, fingerprint: fingerprint)
    }

    var matcher: TemporalMatcher {
        TemporalMatcher(settings: fingerprint.matching, minimumQuality: fingerprint.minimumQuality)
    }

}

/// The `--config` option every subcommand shares.
struct SettingsOptions: ParsableArguments {
    static let defaultPath = "Config/vouch.json"

    @Option(name: .long, help: ArgumentHelp(
        "The settings file.",
        discussion: "Defaults to $VOUCH_CONFIG, then ./\(defaultPath); without either, built-in defaults apply.",
        valueName: "path"
    ))
    var config: String?

    /// The settings file in use: --config, then $VOUCH_CONFIG, then the default.
    var path: String {
        config ?? ProcessInfo.processInfo.environment["VOUCH_CONFIG"] ?? Self.defaultPath
    }

    func load() throws -> VouchSettings {
        let explicit = config ?? ProcessInfo.processInfo.environment["VOUCH_CONFIG"]
        guard FileManager.default.fileExists(atPath: path) else {
            if explicit != nil { throw ValidationError("settings file '\(path)' does not exist") }
            return VouchSettings()
        }
        do {
            return try SettingsDefaults.decode(VouchSettings.self, from: Data(contentsOf: URL(fileURLWithPath: path)), over: VouchSettings())
        } catch let error as DecodingError {
            throw ValidationError("settings file '\(path)' is not valid: \(SettingsOptions.explain(error))")
        } catch let error as SettingsDefaults.Problem {
            throw ValidationError("settings file '\(path)' is not valid: \(error)")
        }
    }

    private static func explain(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
