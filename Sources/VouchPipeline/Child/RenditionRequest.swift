import Foundation
import VouchMedia

/// What the parent tells a rendition child: the upload, where the playable MP4 and the
/// poster go, and how to encode them. Sent as JSON on the child's standard input.
public struct RenditionRequest: Sendable, Codable, Equatable {
    public var input: String
    public var video: String
    public var poster: String
    public var media: MediaLimits
    public var settings: RenditionSettings
    public var limits: ChildLimits
    /// The most bytes the child may write into either output (`RLIMIT_FSIZE`); a write
    /// past it fails, so a hostile clip cannot fill the disk through its rendition.
    public var maxOutputBytes: Int64

    public init(input: String, video: String, poster: String, media: MediaLimits = MediaLimits(),
                settings: RenditionSettings = RenditionSettings(), limits: ChildLimits, maxOutputBytes: Int64) {
        self.input = input
        self.video = video
        self.poster = poster
        self.media = media
        self.settings = settings
        self.limits = limits
        self.maxOutputBytes = maxOutputBytes
    }
}

/// What a rendition child made, sent back as JSON on its standard output.
public struct RenditionAnswer: Sendable, Codable, Equatable {
    public var report: RenditionReport
    /// The sandbox layers the child made the rendition in.
    public var sandbox: SandboxReport?

    public init(report: RenditionReport, sandbox: SandboxReport? = nil) {
        self.report = report
        self.sandbox = sandbox
    }
}
