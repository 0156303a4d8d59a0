import CFFmpeg
import Foundation
import VouchMedia

extension MediaFile {
    /// Builds the ``MediaInfo`` of an opened container.
    static func describe(_ context: UnsafeMutablePointer<AVFormatContext>, path: String, sizeBytes: Int64) throws -> MediaInfo {
        let streams = (0..<Int(context.pointee.nb_streams)).map { describe(context.pointee.streams[$0]!) }
        let best = av_find_best_stream(context, AVMEDIA_TYPE_VIDEO, -1, -1, nil, 0)
        let isCoverArt = best >= 0 && (context.pointee.streams[Int(best)]!.pointee.disposition & AV_DISPOSITION_ATTACHED_PIC) != 0
        if streams.isEmpty {
            let declared = seconds(context.pointee.duration, in: AVRational(num: 1, den: AV_TIME_BASE)) ?? 0
            throw declared > 0
                ? MediaError.damagedContainer(path: path, container: String(cString: context.pointee.iformat.pointee.name), detail: "its header declares \(declared) s but no readable stream")
                : MediaError.noFrames(path: path)
        }
        guard best >= 0, !isCoverArt else {
            let others = streams.filter { $0.kind != .video || isCoverArt }.map { "\($0.kind.rawValue) (\($0.codec))" }
            throw MediaError.noVideoStream(path: path, otherStreams: others)
        }
        let iformat = context.pointee.iformat.pointee
        return MediaInfo(
            path: path,
            sizeBytes: sizeBytes,
            container: String(cString: iformat.name),
            containerDescription: iformat.long_name.map { String(cString: $0) } ?? "",
            durationSeconds: seconds(context.pointee.duration, in: AVRational(num: 1, den: AV_TIME_BASE)),
            bitRate: context.pointee.bit_rate > 0 ? Int(context.pointee.bit_rate) : nil,
            streams: streams,
            tags: tags(context.pointee.metadata),
            videoStreamIndex: Int(best)
        )
    }

    private static func describe(_ stream: UnsafeMutablePointer<AVStream>) -> StreamInfo {
        let parameters = stream.pointee.codecpar.pointee
        var info = StreamInfo(
            index: Int(stream.pointee.index),
            kind: kind(of: parameters.codec_type),
            codec: String(cString: avcodec_get_name(parameters.codec_id)),
            profile: avcodec_profile_name(parameters.codec_id, parameters.profile).map { String(cString: $0) },
            durationSeconds: seconds(stream.pointee.duration, in: stream.pointee.time_base),
            startSeconds: seconds(stream.pointee.start_time, in: stream.pointee.time_base),
            frameCount: stream.pointee.nb_frames > 0 ? Int(stream.pointee.nb_frames) : nil,
            bitRate: parameters.bit_rate > 0 ? Int(parameters.bit_rate) : nil,
            tags: tags(stream.pointee.metadata)
        )
        switch parameters.codec_type {
        case AVMEDIA_TYPE_VIDEO:
            info.width = Int(parameters.width)
            info.height = Int(parameters.height)
            info.frameRate = frameRate(of: stream)
            info.pixelFormat = av_get_pix_fmt_name(AVPixelFormat(rawValue: parameters.format)).map { String(cString: $0) }
            let orientation = DisplayOrientation(of: stream)
            info.rotation = orientation.clockwiseDegrees
            info.mirrored = orientation.mirrored
        case AVMEDIA_TYPE_AUDIO:
            info.sampleRate = Int(parameters.sample_rate)
            info.channels = Int(parameters.ch_layout.nb_channels)
        default:
            break
        }
        return info
    }

    static func frameRate(of stream: UnsafeMutablePointer<AVStream>) -> Double? {
        for rate in [stream.pointee.avg_frame_rate, stream.pointee.r_frame_rate] where rate.num > 0 && rate.den > 0 {
            return av_q2d(rate)
        }
        return nil
    }

    static func seconds(_ value: Int64, in timeBase: AVRational) -> Double? {
        guard value != vouch_nopts_value(), value >= 0, timeBase.den != 0 else { return nil }
        return Double(value) * av_q2d(timeBase)
    }

    private static func kind(of type: AVMediaType) -> StreamInfo.Kind {
        switch type {
        case AVMEDIA_TYPE_VIDEO: .video
        case AVMEDIA_TYPE_AUDIO: .audio
        case AVMEDIA_TYPE_SUBTITLE: .subtitle
        case AVMEDIA_TYPE_DATA: .data
        case AVMEDIA_TYPE_ATTACHMENT: .attachment
        default: .unknown
        }
    }

    private static func tags(_ dictionary: OpaquePointer?) -> [String: String] {
        var tags: [String: String] = [:]
        var entry: UnsafeMutablePointer<AVDictionaryEntry>?
        while let next = av_dict_get(dictionary, "", entry, AV_DICT_IGNORE_SUFFIX) {
            tags[String(cString: next.pointee.key)] = String(cString: next.pointee.value)
            entry = next
        }
        return tags
    }
}
