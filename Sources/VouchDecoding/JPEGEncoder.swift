import CFFmpeg
import Foundation
import VouchMedia

/// Encodes upright YUV 4:2:0 planes as JPEG with libavcodec's MJPEG encoder.
struct JPEGEncoder {
    /// libavcodec's quantiser scale: 2 is near-lossless, 31 is worst; 5 keeps faces and text readable.
    var quality: Int32 = 5

    func encode(luma: LumaFrame, blue: LumaFrame, red: LumaFrame, path: String) throws -> Data {
        guard let codec = avcodec_find_encoder(AV_CODEC_ID_MJPEG) else {
            throw MediaError.unsupportedCodec(path: path, codec: "mjpeg (encoder)")
        }
        var context = avcodec_alloc_context3(codec)
        var frame = av_frame_alloc()
        var packet = av_packet_alloc()
        defer {
            avcodec_free_context(&context)
            av_frame_free(&frame)
            av_packet_free(&packet)
        }
        guard let context, let frame, let packet else {
            throw MediaError.ffmpeg(path: path, call: "avcodec_alloc_context3", code: vouch_averror(ENOMEM), message: "out of memory")
        }
        context.pointee.width = Int32(luma.width)
        context.pointee.height = Int32(luma.height)
        context.pointee.pix_fmt = AV_PIX_FMT_YUVJ420P
        context.pointee.time_base = AVRational(num: 1, den: 25)
        context.pointee.flags |= AV_CODEC_FLAG_QSCALE
        context.pointee.global_quality = FF_QP2LAMBDA * quality
        try check(avcodec_open2(context, codec, nil), "avcodec_open2", path)

        frame.pointee.width = Int32(luma.width)
        frame.pointee.height = Int32(luma.height)
        frame.pointee.format = AV_PIX_FMT_YUVJ420P.rawValue
        frame.pointee.quality = context.pointee.global_quality
        try check(av_frame_get_buffer(frame, 0), "av_frame_get_buffer", path)
        withUnsafePointer(to: frame.pointee.data) { planes in
            withUnsafePointer(to: frame.pointee.linesize) { strides in
                planes.withMemoryRebound(to: UnsafeMutablePointer<UInt8>?.self, capacity: 8) { plane in
                    strides.withMemoryRebound(to: Int32.self, capacity: 8) { stride in
                        for (index, source) in [luma, blue, red].enumerated() {
                            copy(source, into: plane[index]!, stride: Int(stride[index]))
                        }
                    }
                }
            }
        }
        frame.pointee.pts = 0
        try check(avcodec_send_frame(context, frame), "avcodec_send_frame", path)
        try check(avcodec_send_frame(context, nil), "avcodec_send_frame", path)
        try check(avcodec_receive_packet(context, packet), "avcodec_receive_packet", path)
        return Data(bytes: packet.pointee.data, count: Int(packet.pointee.size))
    }

    private func copy(_ plane: LumaFrame, into destination: UnsafeMutablePointer<UInt8>, stride: Int) {
        plane.pixels.withUnsafeBufferPointer { source in
            for row in 0..<plane.height {
                (destination + row * stride).update(from: source.baseAddress! + row * plane.width, count: plane.width)
            }
        }
    }

    private func check(_ code: Int32, _ call: String, _ path: String) throws {
        guard code >= 0 else {
            throw MediaError.ffmpeg(path: path, call: call, code: code, message: FFmpegResult.message(for: code))
        }
    }
}
