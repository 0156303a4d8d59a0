import CFFmpeg
import VouchMedia

extension MediaLimits {
    /// The names of every FFmpeg decoder for the allowed codecs, as FFmpeg's
    /// `codec_whitelist` wants them: it matches decoders, not codecs, and one codec
    /// may have several (AV1 has `libdav1d`, `libaom-av1` and `av1`).
    var allowedDecoders: [String] {
        let allowed = Set(allowedCodecs.compactMap { avcodec_descriptor_get_by_name($0)?.pointee.id.rawValue })
        var decoders: [String] = []
        var position: UnsafeMutableRawPointer?
        while let codec = av_codec_iterate(&position) {
            if av_codec_is_decoder(codec) != 0, allowed.contains(codec.pointee.id.rawValue) {
                decoders.append(String(cString: codec.pointee.name))
            }
        }
        return decoders
    }
}
