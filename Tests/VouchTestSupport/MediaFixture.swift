import Foundation

/// The media the tests read: ordinary clips and every kind of broken or hostile
/// upload, generated with the ffmpeg CLI (and a few byte patches) on first use.
public enum MediaFixture: String, CaseIterable, Sendable {
    /// 4 s of 320×240 testsrc2 at 25 fps, H.264 with B-frames and a keyframe a
    /// second, plus an AAC track; the index (`moov`) at the end, as cameras write it.
    case clip = "clip.mp4"
    /// ``clip`` mirrored and re-encoded at a lower quality: a typical stolen copy.
    case mirroredCopy = "clip-mirrored.mp4"
    /// ``clip`` cropped to its top-left 80% and scaled back up: a copy whose frame hashes
    /// are far from the original's.
    case croppedCopy = "clip-cropped.mp4"
    /// 6 s of a different, unrelated picture (a Mandelbrot zoom).
    case unrelatedClip = "unrelated.mp4"
    /// 1 s of 160×120 testsrc2: the cheapest clip that still fingerprints, for load tests.
    case tiny = "tiny.mp4"
    /// 0.3 s of 7680×4320 (above the default pixel limit): each decoded frame needs 50 MB.
    case largeFrames = "large-frames.mp4"
    /// The same clip remuxed with the index first.
    case faststartClip = "clip-faststart.mp4"
    /// 2 s, 64×64: the left half white, the right half black, limited-range YUV.
    case halfWhite = "half-white.mp4"
    /// ``halfWhite`` with a display matrix that turns it 90° clockwise, as a phone held upright writes it.
    case halfWhiteRotated = "half-white-rotated.mp4"
    case audioOnly = "audio-only.mp4"
    /// 2 s of 64×64 video, and one second of audio that starts ten hours in: a file
    /// that plays for ten hours although its video stream declares two seconds.
    case longAudioUnderShortVideo = "long-audio.mp4"
    /// 1 s of Motion JPEG in Matroska: an accepted container around a codec that is not.
    case motionJPEG = "motion-jpeg.mkv"
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

    /// Bump when the factory changes, so no test reads fixtures made by an older one.
    static let version = 8

    /// Fixtures are shared by test processes: made once in a private folder, then
    /// moved into place whole, so no process ever sees a half-written set.
    private static let directory: Result<URL, any Error> = Result {
        let files = FileManager.default
        let directory = files.temporaryDirectory.appendingPathComponent("vouch-fixtures-v\(version)")
        if files.fileExists(atPath: directory.path) { return directory }
        let scratch = files.temporaryDirectory.appendingPathComponent("vouch-fixtures-v\(version)-\(getpid())")
        try files.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FixtureFactory(directory: scratch).makeAll()
        do {
            try files.moveItem(at: scratch, to: directory)
        } catch where files.fileExists(atPath: directory.path) {
            try? files.removeItem(at: scratch)
        }
        return directory
    }
}
