import Foundation
import Logging
import Metrics
import VouchIdentity
import VouchMedia
import VouchMediaStore
import VouchStore

/// Keeps what shoppers and moderators are shown of a clip that passed analysis: the
/// verified original, and the web rendition and poster made from it in the isolated
/// child, each in the media store under its content's SHA-256.
///
/// A clip the rendition child refuses or crashes on is still kept and scored; it is just
/// not playable (`withVideo=false`), and the failure is logged and counted. A media store
/// out of reach fails the attempt, to be retried.
public struct MediaKeeper: Sendable {
    let store: any MediaStore
    /// Nil where no rendition child is configured: the original is still kept.
    let renderer: IsolatedRenderer?
    /// Where renditions are written before they are stored: the spool, on the worker's disk.
    let scratch: URL
    let limits: MediaLimits
    let rendition: RenditionSettings
    let logger: Logger

    public init(store: any MediaStore, renderer: IsolatedRenderer?, scratch: URL, limits: MediaLimits, rendition: RenditionSettings, logger: Logger) {
        self.store = store
        self.renderer = renderer
        self.scratch = scratch
        self.limits = limits
        self.rendition = rendition
        self.logger = logger
    }

    /// Stores `clip`'s original from `upload`, then makes and stores its rendition and poster.
    func keep(_ clip: ClipRecord, upload: String, durationSeconds: Double?) async throws -> ClipMedia {
        let original = try MediaKey("originals/\(clip.contentSHA256)")
        try await put(upload, as: original, contentType: "application/octet-stream")
        var media = ClipMedia(originalKey: original.rawValue)
        guard let made = await render(clip, upload: upload, durationSeconds: durationSeconds) else { return media }
        defer { for file in [made.video, made.poster] { try? FileManager.default.removeItem(atPath: file) } }
        let video = try MediaKey("renditions/\(try ClipDigest.sha256Hex(ofFileAt: made.video)).mp4")
        let poster = try MediaKey("posters/\(try ClipDigest.sha256Hex(ofFileAt: made.poster)).jpg")
        try await put(made.video, as: video, contentType: "video/mp4")
        try await put(made.poster, as: poster, contentType: "image/jpeg")
        media.renditionKey = video.rawValue
        media.posterKey = poster.rawValue
        return media
    }

    /// The rendition's two files, or nil when the child could not make them.
    private func render(_ clip: ClipRecord, upload: String, durationSeconds: Double?) async -> (video: String, poster: String)? {
        guard let renderer else { return nil }
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let name = "\(clip.id)-\(UUID().uuidString)"
        let video = scratch.appendingPathComponent("\(name).mp4").path
        let poster = scratch.appendingPathComponent("\(name).jpg").path
        let request = RenditionRequest(input: upload, video: video, poster: poster, media: limits, settings: rendition,
                                       limits: .rendition(seconds: durationSeconds ?? limits.maxDurationSeconds),
                                       maxOutputBytes: max(64 << 20, 4 * clip.byteCount))
        do {
            _ = try await renderer.render(request)
            Counter(label: "vouch_renditions_total", dimensions: [("result", "made")]).increment()
            return (video, poster)
        } catch {
            Counter(label: "vouch_renditions_total", dimensions: [("result", "failed")]).increment()
            logger.warning("no web rendition for this clip; it is kept without one", metadata: ["clip": "\(clip.id)", "reason": "\(error)"])
            return nil
        }
    }

    private func put(_ file: String, as key: MediaKey, contentType: String) async throws {
        do {
            _ = try await store.put(contentsOf: file, as: key, contentType: contentType)
        } catch {
            throw PipelineError.mediaStoreUnavailable(error.description)
        }
    }
}
