/// Decides, packet by packet and frame by frame, what a sampling rate needs from a stream.
///
/// Targets lie on a grid `k / framesPerSecond` seconds from the stream's start.
/// A frame is delivered when it is the first at or after its target (or less
/// than half a frame before it, for variable frame rates). Packets far from every target only feed references, and packets
/// before a keyframe that precedes the next target feed nothing at all.
struct SamplingSchedule {
    /// What the decoder should do with one packet.
    enum PacketPlan: Equatable {
        /// No sampled frame depends on it: don't decode it.
        case drop
        /// A later sampled frame may reference it: decode it, cheaply.
        case decodeForReference
        /// It may be a sampled frame itself: decode it in full.
        case decodeForSample
    }

    let interval: Double
    let frameDuration: Double
    /// Decode times of the stream's keyframes, ascending, from the demuxer's index.
    let keyframeDecodeTimes: [Double]
    /// How far a frame's presentation time may trail its decode time (B-frame reordering).
    let reorderSlack: Double
    private var nextTargetIndex = 0

    init(framesPerSecond: Double, frameDuration: Double, keyframeDecodeTimes: [Double], reorderSlack: Double) {
        interval = 1 / framesPerSecond
        self.frameDuration = frameDuration
        self.keyframeDecodeTimes = keyframeDecodeTimes
        self.reorderSlack = reorderSlack
    }

    /// The time of the next frame still to be delivered.
    var nextTarget: Double { Double(nextTargetIndex) * interval }

    func plan(presentationTime: Double?, decodeTime: Double?, isKeyframe: Bool) -> PacketPlan {
        if !isKeyframe, let decodeTime, let keyframe = firstKeyframe(after: decodeTime),
           keyframe + reorderSlack <= nextTarget {
            return .drop
        }
        guard let presentationTime else { return .decodeForSample }
        return isNearTarget(presentationTime) ? .decodeForSample : .decodeForReference
    }

    /// Whether the frame presented at `time` is delivered; if so, the schedule moves past it.
    mutating func takes(frameAt time: Double) -> Bool {
        let reach = time + frameDuration * 0.45
        guard reach >= nextTarget else { return false }
        nextTargetIndex = Int((reach / interval).rounded(.down)) + 1
        return true
    }

    /// Whether the frame shown at `time` can be the one ``takes(frameAt:)`` picks
    /// for some target: at most 0.45 of a frame before it, or less than 0.6 after.
    /// Only that one frame per target needs a full decode.
    private func isNearTarget(_ time: Double) -> Bool {
        let candidate = max(Double(nextTargetIndex), ((time - 0.6 * frameDuration) / interval).rounded(.up))
        return candidate * interval <= time + 0.5 * frameDuration
    }

    private func firstKeyframe(after decodeTime: Double) -> Double? {
        var low = 0
        var high = keyframeDecodeTimes.count
        while low < high {
            let middle = (low + high) / 2
            if keyframeDecodeTimes[middle] <= decodeTime { low = middle + 1 } else { high = middle }
        }
        return low < keyframeDecodeTimes.count ? keyframeDecodeTimes[low] : nil
    }
}
