import Foundation
import VouchFingerprint
import VouchIdentity
import VouchIndex
import VouchMedia
import VouchPipeline
import VouchServer

/// Everything `Config/vouch.json` configures, one section per module: the one place a
/// process's settings are assembled, so that every command reads them the same way.
public struct VouchSettings: Codable, Sendable {
    public var media = MediaSettings()
    public var fingerprint = FingerprintSettings()
    public var identity = IdentitySettings()
    public var index = IndexSettings()
    public var pipeline = PipelineSettings()
    public var scoring = ScoringModel()
    public var server = ServerSettings()
    public var moderation = ModerationSettings()
    public var log = LogSettings()
    public var provenance = ProvenanceSettings()
    public var mediaStore = MediaStoreSettings()

    public init() {}

    public var pipelineConfiguration: PipelineConfiguration {
        var index = index
        index.matching = fingerprint.matching
        return PipelineConfiguration(pipeline: pipeline, media: media, fingerprint: fingerprint, index: index, scoring: scoring, log: log, provenance: provenance,
                              mediaStore: mediaStore)
    }

    public var matcher: TemporalMatcher {
        TemporalMatcher(settings: fingerprint.matching, minimumQuality: fingerprint.minimumQuality)
    }
}
