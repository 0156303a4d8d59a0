import Foundation
import VouchFingerprint
import VouchMedia

/// What the parent tells an analysis child: the clip and the settings to read it with.
/// Sent as JSON on the child's standard input.
public struct AnalysisRequest: Sendable, Codable, Equatable {
    public var path: String
    public var media: MediaSettings
    public var fingerprint: FingerprintSettings
    public var keyframes: Int
    public var limits: ChildLimits

    public init(path: String, media: MediaSettings, fingerprint: FingerprintSettings, keyframes: Int, limits: ChildLimits) {
        self.path = path
        self.media = media
        self.fingerprint = fingerprint
        self.keyframes = keyframes
        self.limits = limits
    }
}

/// What an analysis child found, sent back as JSON on its standard output.
public struct ClipAnalysis: Sendable, Codable, Equatable {
    public var info: MediaInfo
    public var fingerprint: VideoFingerprint
    public var keyframes: [Keyframe]
    /// The sandbox layers the child analysed the clip in.
    public var sandbox: SandboxReport?

    public init(info: MediaInfo, fingerprint: VideoFingerprint, keyframes: [Keyframe], sandbox: SandboxReport? = nil) {
        self.info = info
        self.fingerprint = fingerprint
        self.keyframes = keyframes
        self.sandbox = sandbox
    }

    /// A keyframe JPEG, base64 in the JSON.
    public struct Keyframe: Sendable, Codable, Equatable {
        public var timestamp: Double
        public var width: Int
        public var height: Int
        public var jpeg: Data

        public init(timestamp: Double, width: Int, height: Int, jpeg: Data) {
            self.timestamp = timestamp
            self.width = width
            self.height = height
            self.jpeg = jpeg
        }
    }
}

/// Why a child could not analyse a clip, when the clip itself is at fault.
public struct AnalysisRejection: Sendable, Codable, Equatable {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }
}
