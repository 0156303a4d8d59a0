import VouchFingerprint
import VouchIndex
import VouchMedia

/// Every setting the pipeline reads, gathered from `Config/vouch.json`'s sections.
public struct PipelineConfiguration: Sendable {
    public var pipeline: PipelineSettings
    public var media: MediaSettings
    public var fingerprint: FingerprintSettings
    public var index: IndexSettings
    public var scoring: ScoringModel
    public var log: LogSettings
    public var provenance: ProvenanceSettings
    public var mediaStore: MediaStoreSettings

    public init(pipeline: PipelineSettings, media: MediaSettings, fingerprint: FingerprintSettings, index: IndexSettings, scoring: ScoringModel,
                log: LogSettings = LogSettings(), provenance: ProvenanceSettings = ProvenanceSettings(), mediaStore: MediaStoreSettings = MediaStoreSettings()) {
        self.pipeline = pipeline
        self.media = media
        self.fingerprint = fingerprint
        self.index = index
        self.scoring = scoring
        self.log = log
        self.provenance = provenance
        self.mediaStore = mediaStore
    }
}
