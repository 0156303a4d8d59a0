import Foundation
import Testing
import VouchDecoding
import VouchMedia
import VouchTestSupport

@Suite struct KeyframeJPEGTests {
    @Test func keyframesComeBackAsJPEGsThatFFmpegReads() throws {
        let images = try MediaFile(path: try MediaFixture.clip.path).keyframeJPEGs(count: 3, maxSide: 64)
        #expect(!images.isEmpty && images.count <= 3)
        #expect(zip(images, images.dropFirst()).allSatisfy { $0.timestamp < $1.timestamp })
        for image in images {
            #expect(image.data.prefix(2) == Data([0xFF, 0xD8]), "JPEG start-of-image marker")
            #expect(image.data.suffix(2) == Data([0xFF, 0xD9]), "JPEG end-of-image marker")
            #expect(max(image.width, image.height) <= 64)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("keyframe-\(UUID()).jpg")
            try image.data.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let probed = try ExternalTool.run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0", file.path])
            #expect(String(decoding: probed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "\(image.width),\(image.height)")
        }
    }

    @Test func portraitVideoKeyframesAreUpright() throws {
        let image = try #require(try MediaFile(path: try MediaFixture.halfWhiteRotated.path).keyframeJPEGs(count: 1).first)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("keyframe-\(UUID()).jpg")
        try image.data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let gray = [UInt8](try FFmpegCLI.run(["-v", "error", "-i", file.path, "-f", "rawvideo", "-pix_fmt", "gray", "-"]))
        #expect(gray.count == image.width * image.height)
        let half = gray.count / 2
        let top = gray[..<half].reduce(0) { $0 + Int($1) } / half
        let bottom = gray[half...].reduce(0) { $0 + Int($1) } / half
        #expect(top > 200 && bottom < 50, "the stored left half is on top once turned clockwise")
    }
}
