import Foundation
import VouchMedia

/// Makes what the review page plays: a fast-start H.264 MP4 of an upload and a poster JPEG.
///
/// An upload that browsers can already play is remuxed, which costs milliseconds;
/// anything else is transcoded (``RenditionPlan`` decides). Both open the upload as
/// ``MediaFile`` does for analysis, with the same limits, so this is meant to run in the
/// isolated child, like analysis: FFmpeg's demuxers and decoders see hostile input here.
public struct RenditionMaker: Sendable {
    public var limits: MediaLimits
    public var settings: RenditionSettings

    public init(limits: MediaLimits = MediaLimits(), settings: RenditionSettings = RenditionSettings()) {
        self.limits = limits
        self.settings = settings
    }

    /// Writes the rendition of `input` to `video` and its poster to `poster`.
    ///
    /// - Throws: a ``MediaError`` for an upload that cannot be read, is over a limit, is
    ///   cut short, or for an output FFmpeg cannot write (which names the output's path).
    public func make(from input: String, video: String, poster: String) throws(MediaError) -> RenditionReport {
        do {
            return try makeUnchecked(from: input, video: video, poster: poster)
        } catch let error as MediaError {
            throw error
        } catch {
            throw MediaError.ffmpeg(path: poster, call: "write", code: 0, message: "\(error)")
        }
    }

    private func makeUnchecked(from input: String, video: String, poster: String) throws -> RenditionReport {
        let file = try MediaFile(path: input, limits: limits)
        guard let format = file.format else { throw MediaError.noFrames(path: input) }
        let stream = format.pointee.streams[file.info.videoStreamIndex]!
        let plan = RenditionPlan(info: file.info, orientation: DisplayOrientation(of: stream), audioStream: file.bestAudioStream)
        let written: (bytes: Int64, seconds: Double)
        let geometry: RenditionGeometry
        switch plan.method {
        case .remux:
            written = try Remuxer(file: file, plan: plan).remux(to: video)
            geometry = RenditionGeometry(storedWidth: file.info.video.width ?? 0, storedHeight: file.info.video.height ?? 0,
                                         orientation: .upright, maxShortSide: .max)
        case .transcode:
            let transcoder = try Transcoder(file: file, plan: plan, settings: settings, output: video)
            written = try transcoder.run()
            geometry = RenditionGeometry(storedWidth: file.info.video.width ?? 0, storedHeight: file.info.video.height ?? 0,
                                         orientation: plan.orientation, maxShortSide: settings.maxShortSide)
        }
        try checkLength(written.seconds, of: file)
        let image = try file.posterJPEG(at: min(written.seconds * settings.posterFraction, settings.posterMaxSeconds),
                                        maxSide: settings.posterMaxSide)
        try image.data.write(to: URL(fileURLWithPath: poster))
        return RenditionReport(
            method: plan.method, width: geometry.width, height: geometry.height,
            rotation: plan.method == .remux ? plan.orientation.clockwiseDegrees : 0,
            durationSeconds: written.seconds, videoBytes: written.bytes, videoCodec: "h264",
            audioCodec: plan.audioStream == nil ? nil : "aac",
            posterWidth: image.width, posterHeight: image.height, posterBytes: Int64(image.data.count), posterSeconds: image.timestamp
        )
    }

    /// A rendition that ends well before the duration the upload declares was made from a
    /// cut-short file, and is refused as analysis refuses it.
    private func checkLength(_ seconds: Double, of file: MediaFile) throws {
        guard let declared = file.info.video.durationSeconds ?? file.info.durationSeconds else { return }
        if seconds < declared * 0.95 - 0.5 {
            throw MediaError.truncated(path: file.info.path, readSeconds: seconds, declaredSeconds: declared)
        }
    }
}
