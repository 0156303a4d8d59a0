import Foundation
import VouchTestSupport

/// The uploads the rendition tests turn into web renditions, made by the ffmpeg CLI on
/// first use: the codecs and containers that take each path, and portrait clips whose
/// top is recognisable (a white band along the stored left edge, which a clockwise
/// display rotation puts on top).
enum RenditionFixture: String, CaseIterable {
    /// 2 s of 320×240 H.264 in QuickTime, no sound.
    case silentMOV = "silent.mov"
    /// 2 s of 320×240 VP9 with Opus sound in WebM.
    case vp9WebM = "vp9.webm"
    /// 1 s of 1920×1080 MPEG-4 part 2 with mono 44.1 kHz AAC.
    case fullHDMPEG4 = "full-hd.mp4"
    /// 1 s of 320×180 MPEG-4 part 2 turned clockwise by its display matrix: 180×320 upright.
    case portraitMPEG4 = "portrait-mpeg4.mp4"
    /// The same picture as H.264: remuxed, with its display matrix kept.
    case portraitH264 = "portrait-h264.mp4"

    var path: String {
        get throws { try Self.directory.get().appendingPathComponent(rawValue).path }
    }

    private static let directory: Result<URL, any Error> = Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-rendition-fixtures-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func path(_ fixture: RenditionFixture) -> String { directory.appendingPathComponent(fixture.rawValue).path }
        func ffmpeg(_ arguments: String...) throws { try FFmpegCLI.run(["-nostdin", "-v", "error", "-y"] + arguments) }
        try ffmpeg("-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=2", "-c:v", "libx264", "-preset", "veryfast",
                   "-pix_fmt", "yuv420p", path(.silentMOV))
        try ffmpeg("-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=2", "-f", "lavfi", "-i", "sine=f=440:d=2",
                   "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k", "-c:a", "libopus",
                   "-shortest", path(.vp9WebM))
        try ffmpeg("-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=25:d=1", "-f", "lavfi", "-i", "sine=f=440:d=1:sample_rate=44100",
                   "-c:v", "mpeg4", "-q:v", "5", "-c:a", "aac", "-ac", "1", "-shortest", path(.fullHDMPEG4))
        for (fixture, codec) in [(RenditionFixture.portraitMPEG4, "mpeg4"), (.portraitH264, "libx264")] {
            let stored = directory.appendingPathComponent("stored-" + fixture.rawValue)
            try ffmpeg("-f", "lavfi", "-i", "color=c=black:s=320x180:r=25:d=1",
                       "-vf", "drawbox=x=0:y=0:w=60:h=180:color=white:t=fill", "-c:v", codec, "-pix_fmt", "yuv420p", stored.path)
            try RotatedClip.turningClockwise(try Data(contentsOf: stored)).write(to: URL(fileURLWithPath: path(fixture)))
        }
        return directory
    }
}
