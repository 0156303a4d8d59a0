import Foundation
import Testing
import VouchFingerprint
import VouchTestSupport

@Suite struct FingerprintFormatTests {
    static func randomHash(_ generator: inout some RandomNumberGenerator) -> PDQHash {
        PDQHash(words: (generator.next(), generator.next(), generator.next(), generator.next()))
    }

    let fingerprint: VideoFingerprint = {
        var generator = SeededGenerator(seed: 11)
        let frames = (0..<20).map { index in
            FrameHash(timestamp: Double(index) * 0.5, quality: 40 + index, pdq: randomHash(&generator),
                      variants: (0..<7).map { _ in randomHash(&generator) }, fullFrame: randomHash(&generator),
                      thumbnail: Thumbnail(pixels: (0..<(Thumbnail.width * Thumbnail.height)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }))
        }
        return VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: 10,
                                contentBox: ContentBox(left: 0, top: 0.25, right: 1, bottom: 0.75), frames: frames)
    }()

    @Test func roundTripsThroughTheBinaryForm() throws {
        let data = fingerprint.binary()
        #expect(data.count == 68 + 20 * (37 + 224 + 32 + 1296))
        #expect(try VideoFingerprint(binary: data) == fingerprint)
    }

    @Test func theIndexFormDropsTheVariants() throws {
        let data = fingerprint.binary(includingVariants: false)
        #expect(data.count == 68 + 20 * (37 + 32))
        let read = try VideoFingerprint(binary: data)
        #expect(read.frames.map(\.pdq) == fingerprint.frames.map(\.pdq))
        #expect(read.frames.map(\.fullFrame) == fingerprint.frames.map(\.fullFrame))
        #expect(read.frames.allSatisfy { $0.variants.isEmpty })
    }

    @Test func keepsLocalFeaturesOnTheFramesThatHaveThem() throws {
        var withFeatures = fingerprint
        var generator = SeededGenerator(seed: 12)
        for index in stride(from: 0, to: withFeatures.frames.count, by: 2) {
            withFeatures.frames[index].features = (0..<(index + 3)).map { _ in LocalFeature(hash: generator.next() >> 1, mirrored: generator.next() >> 1) }
        }
        let featureBytes = withFeatures.frames.reduce(0) { $0 + 1 + 16 * $1.features.count }
        let data = withFeatures.binary()
        #expect(data.count == 68 + 20 * (37 + 224 + 32 + 1296) + featureBytes)
        #expect(try VideoFingerprint(binary: data) == withFeatures)
        #expect(throws: VideoFingerprint.BinaryFormatError.self) { try VideoFingerprint(binary: data.prefix(data.count - 8)) }
    }

    @Test func keepsPlacementsToAFractionOfAPixel() throws {
        var placed = fingerprint
        var generator = SeededGenerator(seed: 13)
        let unit = { Float(generator.next() % 10_000) / 10_000 }
        for index in stride(from: 0, to: placed.frames.count, by: 2) {
            placed.frames[index].features = (0..<5).map { _ in
                LocalFeature(hash: generator.next() >> 1, mirrored: generator.next() >> 1,
                             placement: .init(x: 1.78 * unit(), y: unit(), scale: 0.01 + 0.1 * unit()))
            }
        }
        let data = placed.binary()
        #expect(data.count == 68 + 20 * (37 + 224 + 32 + 1296) + 20 + 10 * 5 * 22, "a count byte a frame, 22 bytes a placed feature")
        let read = try VideoFingerprint(binary: data)
        for (written, back) in zip(placed.frames.flatMap(\.features), read.frames.flatMap(\.features)) {
            let (a, b) = (try #require(written.placement), try #require(back.placement))
            #expect(back.hash == written.hash && back.mirrored == written.mirrored)
            // 1/8192 of a height is a thirtieth of a pixel of the analysed picture.
            #expect(abs(a.x - b.x) <= 1 / 8192 && abs(a.y - b.y) <= 1 / 8192 && abs(a.scale - b.scale) <= 1 / 65536)
        }
        #expect(try JSONDecoder().decode(VideoFingerprint.self, from: JSONEncoder().encode(placed)) == placed)
    }

    @Test func refusesAPlacementThatIsNotThreeNumbers() {
        for text in ["\"1f/2e/0.5/0.5\"", "\"1f/2e/0.5/nope/0.1\"", "\"1f/2e/0.5/0.5/-1\""] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(LocalFeature.self, from: Data(text.utf8)) }
        }
    }

    @Test func readsFingerprintsWrittenBeforeFeaturesAsHavingNone() throws {
        let json = try JSONEncoder().encode(fingerprint)
        var object = try #require(JSONSerialization.jsonObject(with: json) as? [String: Any])
        object["frames"] = (object["frames"] as? [[String: Any]])?.map { $0.filter { $0.key != "features" } }
        let read = try JSONDecoder().decode(VideoFingerprint.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(read == fingerprint)
    }

    @Test func refusesForeignAndTruncatedBytes() {
        #expect(throws: VideoFingerprint.BinaryFormatError.self) { try VideoFingerprint(binary: Data("not a fingerprint at all, just some text here".utf8)) }
        #expect(throws: VideoFingerprint.BinaryFormatError.self) { try VideoFingerprint(binary: fingerprint.binary().prefix(500)) }
    }

    @Test func roundTripsThroughJSON() throws {
        let data = try JSONEncoder().encode(fingerprint)
        #expect(try JSONDecoder().decode(VideoFingerprint.self, from: data) == fingerprint)
    }

    @Test func writesVPDQLinesOfWholeFrames() throws {
        let lines = fingerprint.vpdqText.split(separator: "\n")
        #expect(lines.count == 10, "one a second, as vPDQ samples")
        #expect(lines[3] == "90,46,\(try #require(fingerprint.frames[6].fullFrame).hex),3.000", "vPDQ hashes whole frames")
        var unboxed = fingerprint
        unboxed.frames = unboxed.frames.map { FrameHash(timestamp: $0.timestamp, quality: $0.quality, pdq: $0.pdq) }
        #expect(unboxed.vpdqText.split(separator: "\n")[3] == "90,46,\(fingerprint.frames[6].pdq.hex),3.000")
    }

    @Test func readsBothVPDQLineForms() throws {
        let wholeSeconds = fingerprint.frames.filter { $0.timestamp == $0.timestamp.rounded() }
        let cpp = try VideoFingerprint(vpdqText: fingerprint.vpdqText)
        #expect(cpp.frames.map(\.pdq) == wholeSeconds.map { $0.fullFrame ?? $0.pdq })
        #expect(cpp.frames.map(\.quality) == wholeSeconds.map(\.quality))
        #expect(cpp.framesPerSecond == 1)
        let python = fingerprint.frames.map { "\($0.pdq.hex),\($0.quality),\($0.timestamp)" }.joined(separator: "\n")
        #expect(try VideoFingerprint(vpdqText: python).frames.map(\.timestamp) == fingerprint.frames.map(\.timestamp))
    }

    @Test func namesTheBadVPDQLine() {
        let text = fingerprint.vpdqText + "12,not-a-hash,3.000\n"
        let error = #expect(throws: VideoFingerprint.VPDQFormatError.self) { try VideoFingerprint(vpdqText: text) }
        #expect(error?.line == 11, "ten exported lines, then the bad one")
    }
}
