import CFFmpeg
import Foundation
import VouchMedia

extension MediaFile {
    /// Up to `count` keyframes spread over the clip, upright, fitting `maxSide` pixels, as JPEG.
    ///
    /// Only keyframe packets reach the decoder, so this costs a small fraction of a
    /// full decode. The same limits and decode budget apply as for sampling.
    public func keyframeJPEGs(count: Int = 6, maxSide: Int = 320) throws -> [KeyframeJPEG] {
        guard let format, count > 0 else { return [] }
        try rewindIfNeeded(format)
        let streamIndex = info.videoStreamIndex
        let stream = format.pointee.streams[streamIndex]!
        let clock = StreamClock(stream)
        let orientation = DisplayOrientation(of: stream)
        let decoder = try VideoDecoder(stream: stream, shortcuts: [], threads: 1, maxPixels: limits.maxPixels, path: info.path)
        let scaler = ColourScaler(fitting: maxSide, width: info.video.width ?? maxSide, height: info.video.height ?? maxSide)
        var kept = KeyframeReservoir(capacity: count * 4)
        var packet = av_packet_alloc()
        var frame = av_frame_alloc()
        defer {
            av_packet_free(&packet)
            av_frame_free(&frame)
        }

        func drain() {
            while decoder.receive(frame!) >= 0 {
                defer { av_frame_unref(frame) }
                guard let time = clock.seconds(frame!.pointee.best_effort_timestamp), kept.wants(),
                      let planes = scaler.planes(of: frame!, timestamp: time)
                else { continue }
                kept.add(planes.map { $0.oriented(orientation) })
            }
        }

        while true {
            guard !deadline.hasExpired else {
                throw MediaError.decodeBudgetExceeded(path: info.path, budgetSeconds: deadline.budgetSeconds)
            }
            let read = av_read_frame(format, packet)
            guard read >= 0 else { break }
            defer { av_packet_unref(packet) }
            guard Int(packet!.pointee.stream_index) == streamIndex, packet!.pointee.flags & AV_PKT_FLAG_KEY != 0 else { continue }
            _ = decoder.send(packet)
            drain()
        }
        _ = decoder.send(nil)
        drain()
        let encoder = JPEGEncoder()
        return try kept.evenlySpaced(count).map { planes in
            KeyframeJPEG(timestamp: planes[0].timestamp, width: planes[0].width, height: planes[0].height,
                         data: try encoder.encode(luma: planes[0], blue: planes[1], red: planes[2], path: info.path))
        }
    }
}

/// Keeps every keyframe while there are few, then every second, fourth, ... so that a
/// long clip's keyframes stay spread over its whole length in bounded memory.
struct KeyframeReservoir {
    let capacity: Int
    private(set) var frames: [[LumaFrame]] = []
    private var stride = 1
    private var seen = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 2)
    }

    /// Whether the next keyframe will be kept, so that it need not be converted otherwise.
    mutating func wants() -> Bool {
        defer { seen += 1 }
        return seen % stride == 0
    }

    mutating func add(_ planes: [LumaFrame]) {
        frames.append(planes)
        if frames.count >= capacity {
            frames = frames.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            stride *= 2
        }
    }

    func evenlySpaced(_ count: Int) -> [[LumaFrame]] {
        guard frames.count > count else { return frames }
        return (0..<count).map { frames[$0 * (frames.count - 1) / max(count - 1, 1)] }
    }
}
