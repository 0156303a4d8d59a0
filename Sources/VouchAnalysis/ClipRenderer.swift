#if canImport(Glibc)
import Glibc
#endif
import VouchDecoding
import VouchMedia
import VouchPipeline

/// Makes one clip's web rendition and poster, in the calling process.
///
/// This is what runs inside the rendition child (`vouch render`), never in a server or
/// worker process: FFmpeg's demuxers and decoders are where hostile input does its damage.
public enum ClipRenderer {
    /// Creates (or empties) the two outputs, before the sandbox is entered.
    ///
    /// Inside the sandbox nothing can be created: Landlock refuses new files, and a user
    /// namespace that maps no user cannot own one. The outputs are therefore made here
    /// and named to the sandbox, which lets the child read, write and truncate exactly
    /// these two. Descriptors are not passed instead because the MP4 muxer's fast start
    /// reopens its output by name to move the index to the front.
    public static func prepareOutputs(of request: RenditionRequest) throws(MediaError) {
        for output in [request.video, request.poster] {
            let file = open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard file >= 0 else {
                throw MediaError.ffmpeg(path: output, call: "open", code: -errno, message: String(cString: strerror(errno)))
            }
            close(file)
        }
    }

    /// The decode budget, sized for analysis's sampled decode, is stretched to the child's
    /// wall-clock limit: a transcode decodes and encodes every frame, and that limit,
    /// scaled by the clip's length (``ChildLimits/rendition(seconds:)``), is the real bound.
    public static func render(_ request: RenditionRequest) throws(MediaError) -> RenditionReport {
        var media = request.media
        media.decodeBudgetSeconds = max(media.decodeBudgetSeconds, request.limits.wallSeconds)
        return try RenditionMaker(limits: media, settings: request.settings)
            .make(from: request.input, video: request.video, poster: request.poster)
    }
}
