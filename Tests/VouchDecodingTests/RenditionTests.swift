import Foundation
import Testing
import VouchDecoding
import VouchMedia
import VouchTestSupport

/// Web renditions and posters: which uploads are remuxed and which transcoded, fast
/// start, size, sound, orientation, and hostile input.
@Suite struct RenditionTests {
    @Test func anH264AndAACClipWithItsIndexAtTheEndIsRemuxedToFastStart() throws {
        let input = try MediaFixture.clip.path
        #expect(try Self.topLevelBoxes(input).firstIndex(of: "moov")! > Self.topLevelBoxes(input).firstIndex(of: "mdat")!)
        try withOutputs { video, poster in
            let report = try RenditionMaker().make(from: input, video: video, poster: poster)
            #expect(report.method == .remux)
            #expect(report.videoCodec == "h264" && report.audioCodec == "aac")
            #expect((report.width, report.height) == (320, 240))
            let boxes = try Self.topLevelBoxes(video)
            let moov = try #require(boxes.firstIndex(of: "moov"))
            let mdat = try #require(boxes.firstIndex(of: "mdat"))
            #expect(moov < mdat, "the index comes first: \(boxes)")
            let copy = try MediaFile(path: video)
            #expect(copy.info.streams.map(\.kind) == [.video, .audio])
            #expect(abs((copy.info.durationSeconds ?? 0) - 4) < 0.2)
            var frames = 0
            try copy.sampleFrames(FrameSampling(framesPerSecond: 25, size: .original)) { _ in frames += 1 }
            #expect(frames >= 95, "every frame of the 4 s copy decodes")
        }
    }

    @Test func silentH264InQuickTimeIsRemuxed() throws {
        try withOutputs { video, poster in
            let report = try RenditionMaker().make(from: try RenditionFixture.silentMOV.path, video: video, poster: poster)
            #expect(report.method == .remux && report.audioCodec == nil)
            let copy = try MediaFile(path: video).info
            #expect(copy.streams.count == 1 && copy.video.codec == "h264")
            #expect(try Self.topLevelBoxes(video).firstIndex(of: "moov")! < Self.topLevelBoxes(video).firstIndex(of: "mdat")!)
        }
    }

    @Test func vp9AndOpusAreTranscodedToH264AndAAC() throws {
        try withOutputs { video, poster in
            let report = try RenditionMaker().make(from: try RenditionFixture.vp9WebM.path, video: video, poster: poster)
            #expect(report.method == .transcode)
            let copy = try MediaFile(path: video).info
            #expect(copy.video.codec == "h264" && copy.video.pixelFormat == "yuv420p")
            #expect(copy.streams.first { $0.kind == .audio }?.codec == "aac")
            #expect((copy.video.width, copy.video.height) == (320, 240))
            #expect(abs((copy.durationSeconds ?? 0) - 2) < 0.2)
            #expect(try Self.topLevelBoxes(video).firstIndex(of: "moov")! < Self.topLevelBoxes(video).firstIndex(of: "mdat")!)
        }
    }

    @Test func fullHDIsScaledTo720pAndMonoSoundStaysMono() throws {
        try withOutputs { video, poster in
            let report = try RenditionMaker().make(from: try RenditionFixture.fullHDMPEG4.path, video: video, poster: poster)
            #expect(report.method == .transcode)
            #expect((report.width, report.height) == (1280, 720))
            let copy = try MediaFile(path: video).info
            #expect((copy.video.width, copy.video.height) == (1280, 720))
            let sound = try #require(copy.streams.first { $0.kind == .audio })
            #expect(sound.codec == "aac" && sound.channels == 1 && sound.sampleRate == 44100)
            #expect(max(report.posterWidth, report.posterHeight) <= 720)
        }
    }

    @Test func aQuarterTurnedClipIsTranscodedUprightWithNoRotationLeft() throws {
        try withOutputs { video, poster in
            let report = try RenditionMaker().make(from: try RenditionFixture.portraitMPEG4.path, video: video, poster: poster)
            #expect(report.method == .transcode && report.rotation == 0)
            let copy = try MediaFile(path: video)
            #expect((copy.info.video.width, copy.info.video.height) == (180, 320))
            #expect(copy.info.video.rotation == 0)
            var first: LumaFrame?
            try copy.sampleFrames(FrameSampling(framesPerSecond: 1, size: .original)) { if first == nil { first = $0 } }
            let frame = try #require(first)
            #expect(Self.mean(frame, rows: 0..<40) > 200, "the white band is on top")
            #expect(Self.mean(frame, rows: 120..<320) < 40, "the rest is black")
            try Self.expectUprightPoster(poster, report)
        }
    }

    @Test func aQuarterTurnedH264ClipIsRemuxedWithItsDisplayMatrix() throws {
        try withOutputs { video, poster in
            let report = try RenditionMaker().make(from: try RenditionFixture.portraitH264.path, video: video, poster: poster)
            #expect(report.method == .remux && report.rotation == 90)
            #expect(report.displaySize.width < report.displaySize.height)
            let copy = try MediaFile(path: video)
            #expect(copy.info.video.rotation == 90)
            var first: LumaFrame?
            try copy.sampleFrames(FrameSampling(framesPerSecond: 1, size: .original)) { if first == nil { first = $0 } }
            let frame = try #require(first)
            #expect((frame.width, frame.height) == (180, 320))
            #expect(Self.mean(frame, rows: 0..<40) > 200, "a player that honours the matrix shows the band on top")
            try Self.expectUprightPoster(poster, report)
        }
    }

    @Test(arguments: [MediaFixture.randomBytes, .truncated, .truncatedFaststart, .textFile, .empty, .damagedMoov])
    func hostileInputIsATypedError(_ fixture: MediaFixture) throws {
        try withOutputs { video, poster in
            #expect(throws: MediaError.self) {
                try RenditionMaker().make(from: try fixture.path, video: video, poster: poster)
            }
        }
    }

    // MARK: - Helpers

    private func withOutputs(_ body: (String, String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-rendition-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder.appendingPathComponent("video.mp4").path, folder.appendingPathComponent("poster.jpg").path)
    }

    /// The types of an ISO-BMFF file's top-level boxes, in file order.
    static func topLevelBoxes(_ path: String) throws -> [String] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var boxes: [String] = []
        var offset = 0
        while offset + 8 <= bytes.count {
            var size = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            if size == 1, offset + 16 <= bytes.count { size = bytes[offset + 8..<offset + 16].reduce(0) { $0 << 8 | Int($1) } }
            if size == 0 { size = bytes.count - offset }
            boxes.append(String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self))
            guard size >= 8 else { break }
            offset += size
        }
        return boxes
    }

    static func mean(_ frame: LumaFrame, rows: Range<Int>) -> Int {
        let rows = rows.clamped(to: 0..<frame.height)
        let pixels = frame.pixels[(rows.lowerBound * frame.width)..<(rows.upperBound * frame.width)]
        return pixels.reduce(0) { $0 + Int($1) } / max(pixels.count, 1)
    }

    /// The poster is a whole JPEG, portrait, with the white band on top.
    static func expectUprightPoster(_ poster: String, _ report: RenditionReport) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: poster))
        #expect(data.prefix(2) == Data([0xFF, 0xD8]) && data.suffix(2) == Data([0xFF, 0xD9]), "JPEG start and end markers")
        #expect(Int64(data.count) == report.posterBytes)
        #expect(report.posterWidth < report.posterHeight)
        let gray = [UInt8](try FFmpegCLI.run(["-v", "error", "-i", poster, "-f", "rawvideo", "-pix_fmt", "gray", "-"]))
        let frame = LumaFrame(width: report.posterWidth, height: report.posterHeight, timestamp: 0, pixels: gray)
        #expect(mean(frame, rows: 0..<(frame.height / 8)) > 200 && mean(frame, rows: (frame.height / 2)..<frame.height) < 40)
    }
}
