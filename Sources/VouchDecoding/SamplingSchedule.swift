/// Decides, packet by packet and frame by frame, what a sampling rate needs from a stream.
///
/// Targets lie on a grid `k / framesPerSecond` seconds from the stream's start.
/// A frame is delivered when it is the first at or after its target (or less
/// than half a frame before it, for variable frame rates). Packets far from every target only feed references, and packets
/// before a keyframe that precedes the next target feed nothing at all.
///
/// With a stand-in reach (streams with B-frames), a target that falls on a
/// non-reference frame takes the next reference frame instead, when it is shown
/// within that reach: the reference is decoded anyway, the B-frame would be
/// decoded only to be hashed. The delivered frame keeps its own timestamp. A
/// reference that the next target needs for itself never stands in: sampling
/// as fast as the source still delivers every frame.
struct SamplingSchedule {
    /// What the decoder should do with one packet.
    enum PacketPlan: Equatable {
        /// No sampled frame depends on it: don't decode it.
        case drop
        /// A later sampled frame may reference it: decode it, cheaply.
        case decodeForReference
        /// It may be a sampled frame itself: decode it in full.
        case decodeForSample
        /// It may be a sampled frame, but a reference already sent stands in for
        /// it if it is not one; or it may be that stand-in. Decode it in full
        /// only if it is a reference.
        case decodeIfReference
    }

    let interval: Double
    let frameDuration: Double
    /// Decode times of the stream's keyframes, ascending, from the demuxer's index.
    let keyframeDecodeTimes: [Double]
    /// How far a frame's presentation time may trail its decode time (B-frame reordering).
    let reorderSlack: Double
    /// How far after its target a reference may be shown and stand in for a
    /// non-reference frame; 0 never lets one.
    let standInReach: Double
    private var nextTargetIndex = 0
    /// Presentation times of the last packets sent to the decoder, oldest first.
    /// One sent before a frame but shown after it is a reference that frame may use.
    private var recentlySent: [Double] = []

    init(framesPerSecond: Double, frameDuration: Double, keyframeDecodeTimes: [Double], reorderSlack: Double, standInReach: Double = 0) {
        interval = 1 / framesPerSecond
        self.frameDuration = frameDuration
        self.keyframeDecodeTimes = keyframeDecodeTimes
        self.reorderSlack = reorderSlack
        self.standInReach = standInReach
    }

    /// The time of the next frame still to be delivered.
    var nextTarget: Double { Double(nextTargetIndex) * interval }

    /// What to do with the next packet in decode order; every packet not dropped is taken as sent.
    mutating func plan(presentationTime: Double?, decodeTime: Double?, isKeyframe: Bool) -> PacketPlan {
        if !isKeyframe, let decodeTime, let keyframe = firstKeyframe(after: decodeTime),
           keyframe + reorderSlack <= nextTarget {
            return .drop
        }
        guard let presentationTime else { return .decodeForSample }
        defer {
            recentlySent.append(presentationTime)
            if recentlySent.count > 16 { recentlySent.removeFirst() }
        }
        if let target = target(near: presentationTime, reachingAfter: 0.6 * frameDuration) {
            let standIn = recentlySent.filter { $0 > presentationTime }.min()
            let reach = min(standInReach, interval - frameDuration)
            return standIn.map { $0 <= target + reach } == true ? .decodeIfReference : .decodeForSample
        }
        return target(near: presentationTime, reachingAfter: standInReach) != nil ? .decodeIfReference : .decodeForReference
    }

    /// Whether the frame presented at `time` is delivered; if so, the schedule moves past it.
    mutating func takes(frameAt time: Double) -> Bool {
        let reach = time + frameDuration * 0.45
        guard reach >= nextTarget else { return false }
        nextTargetIndex = Int((reach / interval).rounded(.down)) + 1
        return true
    }

    /// The target for which the frame shown at `time` can be the one
    /// ``takes(frameAt:)`` picks: at most 0.45 of a frame before it, or less than
    /// `reach` after (0.6 of a frame, or the stand-in reach for a reference that
    /// may stand in). Only those frames need a full decode.
    private func target(near time: Double, reachingAfter reach: Double) -> Double? {
        let candidate = max(Double(nextTargetIndex), ((time - reach) / interval).rounded(.up)) * interval
        return candidate <= time + 0.5 * frameDuration ? candidate : nil
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
