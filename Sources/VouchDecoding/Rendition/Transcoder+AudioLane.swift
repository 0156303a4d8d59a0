import CFFmpeg
import VouchMedia

extension Transcoder {
    /// The sound's way through a transcode: decoder, libswresample and FIFO, AAC encoder, muxer.
    final class AudioLane {
        private let decoder: AudioDecoder
        private let resampler: AudioResampler
        private let encoder: Encoder
        private let container: OutputContainer
        private let outputStream: Int
        private let stream: UnsafeMutablePointer<AVStream>
        private let videoClock: StreamClock
        private var started = false

        init(stream: UnsafeMutablePointer<AVStream>, videoClock: StreamClock, file: MediaFile, settings: RenditionSettings,
             container: OutputContainer) throws {
            let path = file.info.path
            let parameters = stream.pointee.codecpar.pointee
            decoder = try AudioDecoder(stream: stream, path: path)
            encoder = try AudioEncoder.make(sourceRate: parameters.sample_rate, sourceChannels: parameters.ch_layout.nb_channels,
                                       bitRate: settings.audioBitRate, globalHeaders: container.wantsGlobalHeaders, path: path)
            resampler = try AudioResampler(rate: encoder.settings.sample_rate, channels: encoder.settings.ch_layout.nb_channels, frameSize: encoder.settings.frame_size, path: path)
            outputStream = try encoder.addStream(to: container)
            self.container = container
            self.stream = stream
            self.videoClock = videoClock
        }

        /// Decodes `input` (nil at the end, to flush everything) and writes what the encoder makes of it.
        func decode(_ input: UnsafeMutablePointer<AVPacket>?, frame: UnsafeMutablePointer<AVFrame>,
                    packet: UnsafeMutablePointer<AVPacket>) throws {
            decoder.send(input)
            while decoder.receive(frame) {
                defer { av_frame_unref(frame) }
                if !started { startAt(frame) }
                try resampler.push(frame) { try encode($0, packet) }
            }
            guard input == nil else { return }
            try resampler.push(nil) { try encode($0, packet) }
            try encoder.send(nil)
            try write(packet)
        }

        /// Starts the sound where its first frame sits against the picture's start.
        private func startAt(_ frame: UnsafeMutablePointer<AVFrame>) {
            started = true
            let seconds = StreamClock(stream).seconds(frame.pointee.best_effort_timestamp).map { $0 + startGap } ?? 0
            resampler.nextPTS = Int64((max(0, seconds) * Double(encoder.settings.sample_rate)).rounded())
        }

        /// How much later the sound stream starts than the picture, in seconds.
        private var startGap: Double {
            let audioStart = StreamClock(stream).start
            return Double(audioStart) * av_q2d(stream.pointee.time_base) - Double(videoClock.start) * av_q2d(videoClock.timeBase)
        }

        private func encode(_ frame: UnsafeMutablePointer<AVFrame>, _ packet: UnsafeMutablePointer<AVPacket>) throws {
            try encoder.send(frame)
            try write(packet)
        }

        private func write(_ packet: UnsafeMutablePointer<AVPacket>) throws {
            while try encoder.receive(packet) {
                defer { av_packet_unref(packet) }
                try container.write(packet, toStream: outputStream)
            }
        }
    }
}
