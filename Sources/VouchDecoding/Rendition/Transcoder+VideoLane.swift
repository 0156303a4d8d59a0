import CFFmpeg
import VouchMedia

extension Transcoder {
    /// The picture's way through a transcode: decoder, scaler and turn, libx264, muxer.
    final class VideoLane {
        let outputStream: Int
        private(set) var framesEncoded = 0
        private(set) var decodeErrors = 0
        private let decoder: VideoDecoder
        private let scaler: UprightScaler
        private let encoder: Encoder
        private let container: OutputContainer
        private let start: Int64
        /// One frame's duration at the source's nominal rate, in its time base; 0 when unknown.
        private let frameTicks: Int64
        private var lastPTS = Int64.min

        init(stream: UnsafeMutablePointer<AVStream>, file: MediaFile, plan: RenditionPlan, settings: RenditionSettings,
             container: OutputContainer) throws {
            let path = file.info.path
            let parameters = stream.pointee.codecpar.pointee
            let geometry = RenditionGeometry(storedWidth: Int(parameters.width), storedHeight: Int(parameters.height),
                                             orientation: plan.orientation, maxShortSide: settings.maxShortSide)
            let rate = [stream.pointee.avg_frame_rate, stream.pointee.r_frame_rate].first { $0.num > 0 && $0.den > 0 }
            decoder = try VideoDecoder(stream: stream, shortcuts: [], threads: 0, maxPixels: file.limits.maxPixels, path: path)
            scaler = try UprightScaler(geometry: geometry, path: path)
            encoder = try VideoEncoder.make(width: geometry.width, height: geometry.height, timeBase: stream.pointee.time_base,
                                       frameRate: rate, settings: settings, globalHeaders: container.wantsGlobalHeaders, path: path)
            outputStream = try encoder.addStream(to: container)
            self.container = container
            start = StreamClock(stream).start
            frameTicks = rate.map { av_rescale_q(1, AVRational(num: $0.den, den: $0.num), stream.pointee.time_base) } ?? 0
        }

        /// Decodes `input` (nil at the end, to flush everything) and writes what the encoder makes of it.
        func decode(_ input: UnsafeMutablePointer<AVPacket>?, frame: UnsafeMutablePointer<AVFrame>,
                    packet: UnsafeMutablePointer<AVPacket>) throws {
            if decoder.send(input) < 0 { decodeErrors += 1 }
            while true {
                let received = decoder.receive(frame)
                guard received >= 0 else {
                    if received != FFmpegResult.tryAgain && received != FFmpegResult.endOfFile { decodeErrors += 1 }
                    break
                }
                defer { av_frame_unref(frame) }
                try encoder.send(try scaler.convert(frame, pts: nextPTS(for: frame)))
                framesEncoded += 1
                try write(packet)
            }
            guard input == nil else { return }
            try encoder.send(nil)
            try write(packet)
        }

        /// The frame's time from the stream's start; x264 refuses a time that does not
        /// increase, which a damaged or crafted file can have, so such a frame moves up one tick.
        private func nextPTS(for frame: UnsafeMutablePointer<AVFrame>) -> Int64 {
            let stamped = frame.pointee.best_effort_timestamp
            let pts = stamped == vouch_nopts_value() ? lastPTS &+ 1 : stamped &- start
            lastPTS = lastPTS == Int64.min ? pts : max(pts, lastPTS + 1)
            return lastPTS
        }

        /// libx264's packets carry no duration; without one the muxer cannot know how long the last frame shows.
        private func write(_ packet: UnsafeMutablePointer<AVPacket>) throws {
            while try encoder.receive(packet) {
                defer { av_packet_unref(packet) }
                if packet.pointee.duration <= 0 { packet.pointee.duration = frameTicks }
                try container.write(packet, toStream: outputStream)
            }
        }
    }
}
