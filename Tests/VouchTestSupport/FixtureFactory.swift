import Foundation

/// Writes every ``MediaFixture`` into one directory.
struct FixtureFactory {
    let directory: URL

    func makeAll() throws {
        try ffmpeg("-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=4", "-f", "lavfi", "-i", "sine=f=440:d=4",
                   "-c:v", "libx264", "-preset", "veryfast", "-g", "25", "-bf", "2", "-pix_fmt", "yuv420p",
                   "-c:a", "aac", "-shortest", url(.clip))
        try ffmpeg("-i", url(.clip), "-c", "copy", "-movflags", "+faststart", url(.faststartClip))
        try ffmpeg("-i", url(.clip), "-vf", "hflip", "-c:v", "libx264", "-preset", "veryfast", "-crf", "32", "-an", url(.mirroredCopy))
        try ffmpeg("-i", url(.clip), "-vf", "crop=iw*0.8:ih*0.8:0:0,scale=320:240", "-c:v", "libx264", "-preset", "veryfast",
                   "-an", url(.croppedCopy))
        try ffmpeg("-f", "lavfi", "-i", "mandelbrot=s=320x240:r=25", "-t", "6", "-c:v", "libx264", "-preset", "veryfast",
                   "-pix_fmt", "yuv420p", url(.unrelatedClip))
        try ffmpeg("-f", "lavfi", "-i", "testsrc2=s=160x120:r=25:d=1", "-c:v", "libx264", "-preset", "veryfast",
                   "-pix_fmt", "yuv420p", url(.tiny))
        try ffmpeg("-f", "lavfi", "-i", "testsrc2=s=7680x4320:r=10:d=0.3", "-c:v", "libx264", "-preset", "ultrafast",
                   "-pix_fmt", "yuv420p", url(.largeFrames))
        try ffmpeg("-f", "lavfi", "-i", "color=c=black:s=64x64:r=25:d=2",
                   "-vf", "drawbox=x=0:y=0:w=32:h=64:color=white:t=fill",
                   "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", url(.halfWhite))
        try write(.halfWhiteRotated, Self.rotatingClockwise(try read(.halfWhite)))
        try ffmpeg("-f", "lavfi", "-i", "sine=f=440:d=2", "-c:a", "aac", url(.audioOnly))
        try ffmpeg("-f", "lavfi", "-i", "testsrc2=s=64x64:r=25:d=2", "-itsoffset", "36000", "-f", "lavfi", "-i", "sine=f=440:d=1",
                   "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", url(.longAudioUnderShortVideo))
        try ffmpeg("-f", "lavfi", "-i", "testsrc2=s=64x64:r=25:d=1", "-c:v", "mjpeg", url(.motionJPEG))
        try write(.empty, Data())
        try write(.randomBytes, Self.pseudoRandomBytes(count: 65_536, seed: 7))
        try write(.textFile, Data(String(repeating: "This is not a video.\n", count: 100).utf8))
        let clip = try read(.clip)
        try write(.truncated, clip.prefix(clip.count * 3 / 10))
        let faststart = try read(.faststartClip)
        try write(.truncatedFaststart, faststart.prefix(faststart.count * 3 / 10))
        try write(.damagedMoov, Self.overwritingInsideMoov(faststart))
        try ffmpeg("-f", "lavfi", "-i", "color=s=256x256:d=0.2", "-c:v", "rawvideo", "-pix_fmt", "gray", url(.absurdDimensions))
        try write(.absurdDimensions, Self.declaringDimensions16000(try read(.absurdDimensions)))
        try ffmpeg("-f", "lavfi", "-i", "testsrc2=s=64x64:r=25:d=1", "-frames:v", "0", "-c:v", "libx264", url(.zeroDuration))
        try write(.playlist, Data("#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\n\(MediaFixture.clip.rawValue)\n#EXT-X-ENDLIST\n".utf8))
    }

    private func url(_ fixture: MediaFixture) -> String {
        directory.appendingPathComponent(fixture.rawValue).path
    }

    private func read(_ fixture: MediaFixture) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: url(fixture)))
    }

    private func write(_ fixture: MediaFixture, _ data: Data) throws {
        try data.write(to: URL(fileURLWithPath: url(fixture)))
    }

    private func ffmpeg(_ arguments: String...) throws {
        try FFmpegCLI.run(["-nostdin", "-v", "error", "-y", "-bitexact"] + arguments)
    }
}
