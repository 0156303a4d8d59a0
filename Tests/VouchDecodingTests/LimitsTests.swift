import Foundation
import Testing
import VouchDecoding
import VouchMedia
import VouchTestSupport

@Suite struct LimitsTests {
    let sampling = FrameSampling(framesPerSecond: 1, size: .fitting(maxDimension: 64))

    @Test func refusesFilesOverTheSizeLimit() throws {
        let path = try MediaFixture.clip.path
        let error = try #require(throws: MediaError.self) { try MediaFile.probe(path, limits: MediaLimits(maxFileBytes: 1000)) }
        guard case .fileTooLarge(_, let bytes, 1000) = error else { Issue.record("got \(error)"); return }
        #expect(bytes > 1000)
    }

    @Test func refusesClipsOverTheDurationLimit() throws {
        let error = try #require(throws: MediaError.self) { try MediaFile.probe(try MediaFixture.clip.path, limits: MediaLimits(maxDurationSeconds: 2)) }
        #expect(error.reason == "duration-too-long")
    }

    @Test func refusesAShortVideoOverHoursOfAudio() throws {
        let path = try MediaFixture.longAudioUnderShortVideo.path
        let error = try #require(throws: MediaError.self) { try MediaFile.probe(path) }
        guard case .durationTooLong(_, let seconds, 600) = error else { Issue.record("got \(error)"); return }
        #expect(seconds >= 36000, "the file plays as long as its last stream")
    }

    @Test func refusesFramesOverThePixelLimit() throws {
        let error = try #require(throws: MediaError.self) { try MediaFile.probe(try MediaFixture.clip.path, limits: MediaLimits(maxPixels: 320 * 239)) }
        #expect(error == .dimensionsOutOfRange(path: try MediaFixture.clip.path, width: 320, height: 240, maxPixels: 320 * 239))
    }

    @Test func acceptsFramesExactlyAtThePixelLimit() throws {
        _ = try MediaFile.probe(try MediaFixture.clip.path, limits: MediaLimits(maxPixels: 320 * 240))
    }

    @Test func stopsADecodeThatOverrunsItsBudget() throws {
        let file = try MediaFile(path: try MediaFixture.clip.path, limits: MediaLimits(decodeBudgetSeconds: 0.05))
        let error = try #require(throws: MediaError.self) {
            try file.sampleFrames(sampling) { _ in usleep(30_000) }
        }
        #expect(error.reason == "decode-budget-exceeded")
    }

    @Test func refusesContainersOutsideTheAllowedList() throws {
        let error = try #require(throws: MediaError.self) {
            try MediaFile.probe(try MediaFixture.clip.path, limits: MediaLimits(allowedContainers: ["matroska", "webm"]))
        }
        #expect(error.reason == "container-not-allowed")
    }

    @Test func refusesCodecsOutsideTheAllowedList() throws {
        let path = try MediaFixture.motionJPEG.path
        #expect(throws: MediaError.codecNotAllowed(path: path, codec: "mjpeg")) { try MediaFile.probe(path) }
        #expect(try MediaFile.probe(path, limits: MediaLimits(allowedCodecs: ["mjpeg"])).video.codec == "mjpeg")
    }
}
