import Foundation

/// A keyframe of a clip as a small upright JPEG, for moderators to look at.
public struct KeyframeJPEG: Sendable, Equatable {
    /// Seconds from the start of the clip.
    public var timestamp: Double
    public var width: Int
    public var height: Int
    /// A baseline JPEG made by libavcodec's MJPEG encoder.
    public var data: Data
}
