import Foundation
import VouchAnalysis
import VouchConfiguration
import VouchDecoding
import VouchFingerprint
import VouchMedia

/// Decodes a clip with the media layer and fingerprints its sampled frames.
public struct ClipFingerprinter {
    public var media: MediaSettings
    public var fingerprint: FingerprintSettings

    public init(media: MediaSettings, fingerprint: FingerprintSettings) {
        self.media = media
        self.fingerprint = fingerprint
    }

    public func fingerprint(_ path: String) throws -> VideoFingerprint {
        try ClipAnalyzer.fingerprint(MediaFile(path: path, limits: media.limits), media: media, settings: fingerprint)
    }

    /// Decodes the frames ``fingerprint(_:)`` would hash and drops them: the
    /// decoding share of its cost, which bounds how fast fingerprinting can get.
    public func decodeOnly(_ path: String) throws {
        let file = try MediaFile(path: path, limits: media.limits)
        let sampling = FrameSampling(framesPerSecond: fingerprint.framesPerSecond, size: .fitting(maxDimension: fingerprint.frameSize))
        try file.sampleFrames(sampling, options: media.decoder) { _ in }
    }

    /// Seconds of video in a clip, as the benchmarks count them.
    public func videoSeconds(of path: String) throws -> Double {
        let info = try MediaFile.probe(path, limits: media.limits)
        return info.video.durationSeconds ?? info.durationSeconds ?? 0
    }

    /// A fingerprint from a video, or from a saved fingerprint (`.vfp`, `.json`, or vPDQ `.txt`).
    public func load(_ path: String) throws -> VideoFingerprint {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "vfp": return try VideoFingerprint(binary: Data(contentsOf: URL(fileURLWithPath: path)))
        case "json": return try JSONDecoder().decode(VideoFingerprint.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        case "txt", "vpdq": return try VideoFingerprint(vpdqText: String(contentsOfFile: path, encoding: .utf8))
        default: return try fingerprint(path)
        }
    }
}

extension VouchSettings {
    public var clipFingerprinter: ClipFingerprinter {
        ClipFingerprinter(media: media, fingerprint: fingerprint)
    }
}
