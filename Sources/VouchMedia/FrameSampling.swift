/// Which frames to take from a clip and at what size: the fingerprint's request to the decoder.
public struct FrameSampling: Sendable, Equatable {
    /// Frames taken per second of video. Each is the first frame at or after its
    /// target time; a clip with fewer frames a second yields each frame once.
    public var framesPerSecond: Double
    /// The size of the delivered frames, measured upright.
    public var size: FrameSize

    public init(framesPerSecond: Double, size: FrameSize) {
        precondition(framesPerSecond > 0, "a sampling rate is positive")
        self.framesPerSecond = framesPerSecond
        self.size = size
    }
}

/// The size of a delivered frame, measured upright (after the display rotation).
public enum FrameSize: Sendable, Equatable {
    /// The stream's own size.
    case original
    /// Scaled down, keeping the aspect ratio, so the longer side is at most this many pixels.
    case fitting(maxDimension: Int)
    /// Exactly this size, whatever the aspect ratio.
    case exactly(width: Int, height: Int)

    /// The upright output size for an upright source of `width` × `height`.
    package func resolve(width: Int, height: Int) -> (width: Int, height: Int) {
        switch self {
        case .original:
            return (width, height)
        case .exactly(let w, let h):
            return (max(w, 1), max(h, 1))
        case .fitting(let maxDimension):
            let longer = max(width, height)
            guard longer > maxDimension else { return (width, height) }
            let scale = Double(maxDimension) / Double(longer)
            return (max(Int((Double(width) * scale).rounded()), 1), max(Int((Double(height) * scale).rounded()), 1))
        }
    }
}
