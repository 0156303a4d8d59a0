import Testing
import VouchDecoding
import VouchMedia
import VouchTestSupport

/// Every broken or hostile upload ends in a typed error with an actionable message.
@Suite struct HostileInputTests {
    static let cases: [(MediaFixture, String)] = [
        (.empty, "empty-file"),
        (.randomBytes, "unrecognized-format"),
        (.textFile, "unrecognized-format"),
        (.truncated, "damaged-container"),
        (.truncatedFaststart, "truncated"),
        (.damagedMoov, "damaged-container"),
        (.audioOnly, "no-video-stream"),
        (.absurdDimensions, "dimensions-out-of-range"),
        (.zeroDuration, "no-frames"),
        (.playlist, "container-not-allowed"),
        (.motionJPEG, "codec-not-allowed"),
        (.longAudioUnderShortVideo, "duration-too-long"),
    ]

    @Test(arguments: cases)
    func failsWithATypedError(fixture: MediaFixture, reason: String) throws {
        let path = try fixture.path
        let error = try #require(throws: MediaError.self) {
            try MediaFile(path: path).sampleFrames(FrameSampling(framesPerSecond: 1, size: .fitting(maxDimension: 64))) { _ in }
        }
        #expect(error.reason == reason)
        #expect(error.description.hasPrefix(path))
        #expect(error.description.count > path.count + 40, "the message says what to do, not just what failed")
    }

    @Test func namesTheDeclaredDimensions() throws {
        let error = try #require(throws: MediaError.self) { try MediaFile.probe(try MediaFixture.absurdDimensions.path) }
        #expect(error == .dimensionsOutOfRange(path: try MediaFixture.absurdDimensions.path, width: 16000, height: 16000, maxPixels: MediaLimits().maxPixels))
    }

    @Test func aMissingFileIsNotAMediaProblem() {
        let error = #expect(throws: MediaError.self) { try MediaFile.probe("/nonexistent/clip.mp4") }
        #expect(error?.reason == "file-not-found")
    }

    @Test func aDirectoryIsRefused() {
        let error = #expect(throws: MediaError.self) { try MediaFile.probe("/tmp") }
        #expect(error?.reason == "not-a-regular-file")
    }

    @Test func aTruncatedFileStillProbesButDoesNotDecode() throws {
        let info = try MediaFile.probe(try MediaFixture.truncatedFaststart.path)
        #expect(abs((info.durationSeconds ?? 0) - 4) < 0.1, "the intact index still declares the full length")
    }
}
