import Foundation
import VouchDecoding
import VouchFingerprint
import VouchMedia
import VouchPipeline

/// Probes, fingerprints and takes keyframes of one clip, in the calling process.
///
/// This is what runs inside the analysis child (`vouch analyze`), never in a server or
/// worker process: FFmpeg's decoders are where hostile input does its damage.
public enum ClipAnalyzer {
    public static func analyze(_ request: AnalysisRequest) throws -> ClipAnalysis {
        let file = try MediaFile(path: request.path, limits: request.media.limits)
        let keyframes = try file.keyframeJPEGs(count: request.keyframes).map {
            ClipAnalysis.Keyframe(timestamp: $0.timestamp, width: $0.width, height: $0.height, jpeg: $0.data)
        }
        let fingerprint = try fingerprint(file, media: request.media, settings: request.fingerprint)
        return ClipAnalysis(info: file.info, fingerprint: fingerprint, keyframes: keyframes)
    }

    /// Samples `file`'s frames and fingerprints them.
    public static func fingerprint(_ file: MediaFile, media: MediaSettings, settings: FingerprintSettings) throws -> VideoFingerprint {
        var frames: [Fingerprinter.EightBitFrame] = []
        let sampling = FrameSampling(framesPerSecond: settings.framesPerSecond, size: .fitting(maxDimension: settings.frameSize))
        let statistics = try file.sampleFrames(sampling, options: media.decoder) { frame in
            frames.append((frame.timestamp, frame.width, frame.height, frame.pixels))
        }
        let video = file.info.video
        return Fingerprinter(settings: settings).fingerprint(
            of: frames, sourceFrameRate: video.frameRate ?? 0,
            duration: video.durationSeconds ?? file.info.durationSeconds ?? statistics.secondsRead
        )
    }
}
