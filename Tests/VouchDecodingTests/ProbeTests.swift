import Testing
import VouchDecoding
import VouchMedia
import VouchTestSupport

@Suite struct ProbeTests {
    @Test func reportsContainerStreamsAndTags() throws {
        let info = try MediaFile.probe(try MediaFixture.clip.path)
        #expect(info.container.contains("mp4"))
        #expect(abs((info.durationSeconds ?? 0) - 4) < 0.1)
        #expect(info.video.codec == "h264")
        #expect(info.video.width == 320)
        #expect(info.video.height == 240)
        #expect(abs((info.video.frameRate ?? 0) - 25) < 0.01)
        #expect(info.video.rotation == 0)
        let audio = try #require(info.streams.first { $0.kind == .audio })
        #expect(audio.codec == "aac")
        #expect(audio.sampleRate == 44_100)
        #expect(info.tags["major_brand"] == "isom")
        #expect(info.tags["encoder"]?.hasPrefix("Lavf") == true)
    }

    @Test func readsTheDisplayRotation() throws {
        let info = try MediaFile.probe(try MediaFixture.halfWhiteRotated.path)
        #expect(info.video.rotation == 90)
        #expect(info.video.mirrored == false)
        let upright = try #require(info.video.displaySize)
        #expect(upright.width == 64 && upright.height == 64)
    }

    @Test func probingTheSameBytesTwiceGivesTheSameReport() throws {
        let first = try MediaFile.probe(try MediaFixture.faststartClip.path)
        let second = try MediaFile.probe(try MediaFixture.faststartClip.path)
        #expect(first == second)
        #expect(first.sizeBytes > 0)
    }
}
