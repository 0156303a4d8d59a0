import Foundation

/// The media the tests read: ordinary clips and every kind of broken or hostile
/// upload, generated with the ffmpeg CLI (and a few byte patches) on first use.
public enum MediaFixture: String, CaseIterable, Sendable {
    /// 4 s of 320×240 testsrc2 at 25 fps, H.264 with B-frames and a keyframe a
    /// second, plus an AAC track; the index (`moov`) at the end, as cameras write it.
    case clip = "clip.mp4"
    /// The same clip remuxed with the index first.
    case faststartClip = "clip-faststart.mp4"
    /// 2 s, 64×64: the left half white, the right half black, limited-range YUV.
    case halfWhite = "half-white.mp4"
    /// ``halfWhite`` with a display matrix that turns it 90° clockwise, as a phone held upright writes it.
    case halfWhiteRotated = "half-white-rotated.mp4"
    case audioOnly = "audio-only.mp4"
    case empty = "empty.mp4"
    case randomBytes = "random.mp4"
    case textFile = "text.mp4"
    /// ``clip`` cut at 30%: the index at its end is gone.
    case truncated = "truncated.mp4"
    /// ``faststartClip`` cut at 30%: the index survives, most samples do not.
    case truncatedFaststart = "truncated-faststart.mp4"
    /// ``faststartClip`` with 300 bytes inside its `moov` box overwritten.
    case damagedMoov = "damaged-moov.mp4"
    /// Matroska whose header declares a 16000×16000 raw video stream.
    case absurdDimensions = "absurd-dimensions.mkv"
    /// An MP4 written with no frames at all.
    case zeroDuration = "zero-duration.mp4"
    /// An HLS playlist pointing at a local file: the classic way to make a demuxer fetch.
    case playlist = "playlist.m3u8"

    /// The fixture's path, generating the whole set the first time any is asked for.
    public var path: String {
        get throws {
            try Self.directory.get().appendingPathComponent(rawValue).path
        }
    }

    private static let directory: Result<URL, any Error> = Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-fixtures-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FixtureFactory(directory: directory).makeAll()
        return directory
    }
}
