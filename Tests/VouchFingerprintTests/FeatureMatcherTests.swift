import Foundation
import Testing
@testable import VouchFingerprint
import VouchTestSupport

/// Reframed copies verified from where their local features sit: the geometry
/// of a crop, an inset, a collage tile or a slight turn is one similarity for
/// the whole clip, which pictures that merely share a few blobs do not have.
@Suite struct FeatureMatcherTests {
    static let frameCount = 8
    static let width = 448
    static let height = 252

    /// A clip of four one-second shots of dead-leaves scenes at 2 frames a second,
    /// each panning 6 pixels a frame: a shot a second, so that only the right
    /// moment of the original explains a frame of a copy.
    static func clip(seed: UInt64) -> [LumaImage] {
        let shots = (0..<UInt64(frameCount / 2)).map { FeatureDetectorTests.scene(seed: seed * 100 + $0) }
        return (0..<frameCount).map { shots[$0 / 2].cropped(x: 20 + 6 * ($0 % 2), y: 10, width: width, height: height) }
    }

    static func fingerprint(_ frames: [LumaImage]) -> VideoFingerprint {
        Fingerprinter().fingerprint(of: frames.enumerated().map { (Double($0.offset) / 2, $0.element) }, sourceFrameRate: 30, duration: Double(frames.count) / 2)
    }

    static let original = clip(seed: 11)
    static let reference = fingerprint(original)
    static let matcher = FeatureMatcher(settings: MatchSettings())

    /// `picture` pasted over `host` at (x, y), resampled to `width` × `height` first.
    static func pasted(_ picture: LumaImage, width: Int, height: Int, into host: LumaImage, x: Int, y: Int) -> LumaImage {
        let small = picture.resampled(width: width, height: height)
        var out = host
        for row in 0..<height {
            for column in 0..<width { out.values[(y + row) * host.width + x + column] = small.values[row * width + column] }
        }
        return out
    }

    static func mirrored(_ picture: LumaImage) -> LumaImage {
        var out = picture
        for y in 0..<picture.height {
            for x in 0..<picture.width { out.values[y * picture.width + x] = picture.values[y * picture.width + picture.width - 1 - x] }
        }
        return out
    }

    /// Turned by `degrees` about the centre, sampled bilinearly, then cut to its
    /// central 85% and shown at full size, as a straightened phone video is.
    static func turned(_ picture: LumaImage, degrees: Float) -> LumaImage {
        let angle = degrees * .pi / 180
        let (cx, cy) = (Float(picture.width) / 2, Float(picture.height) / 2)
        var out = picture
        for y in 0..<picture.height {
            for x in 0..<picture.width {
                let (dx, dy) = (Float(x) - cx, Float(y) - cy)
                out.values[y * picture.width + x] = picture.sample(x: cx + cos(angle) * dx - sin(angle) * dy, y: cy + sin(angle) * dx + cos(angle) * dy)
            }
        }
        let (w, h) = (picture.width * 85 / 100, picture.height * 85 / 100)
        return out.cropped(x: (picture.width - w) / 2, y: (picture.height - h) / 2, width: w, height: h).resampled(width: picture.width, height: picture.height)
    }

    @Test func aPortraitWindowOfEachFrameIsPlaced() throws {
        // The 9:16 window of each 16:9 frame, a third of its width, shown at twice the size.
        let copy = Self.fingerprint(Self.original.map { $0.cropped(x: 150, y: 0, width: 142, height: 252).resampled(width: 284, height: 504) })
        let found = Self.matcher.compare(copy, with: Self.reference)
        let segment = try #require(found)
        #expect(segment.method == .features)
        #expect(segment.symmetry == .identity)
        #expect(segment.matchedFrames >= 3)
        #expect(abs(segment.speed - 1) < 0.1 && abs(segment.offset) < 0.8)
    }

    @Test func aReactionInsetAndACollageTileArePlaced() throws {
        let host = Self.clip(seed: 40)
        let others = [Self.clip(seed: 41), Self.clip(seed: 42), Self.clip(seed: 43)]
        // The copy fills a third of the frame's width over someone reacting to it.
        let reaction = Self.fingerprint(zip(Self.original, host).map { Self.pasted($0, width: 224, height: 126, into: $1, x: 210, y: 110) })
        // Four clips tiled 2 × 2; the original is the bottom-right tile.
        let collage = Self.fingerprint((0..<Self.frameCount).map { index in
            var frame = Self.pasted(others[0][index], width: 224, height: 126, into: host[index], x: 0, y: 0)
            frame = Self.pasted(others[1][index], width: 224, height: 126, into: frame, x: 224, y: 0)
            frame = Self.pasted(others[2][index], width: 224, height: 126, into: frame, x: 0, y: 126)
            return Self.pasted(Self.original[index], width: 224, height: 126, into: frame, x: 224, y: 126)
        })
        for copy in [reaction, collage] {
            let found = Self.matcher.compare(copy, with: Self.reference)
            let segment = try #require(found)
            #expect(segment.matchedFrames >= 3)
            #expect(TemporalMatcher().compare(copy, with: Self.reference).isMatch)
        }
    }

    @Test func aMirroredZoomAndASlightTurnArePlaced() throws {
        let zoom = Self.fingerprint(Self.original.map { Self.mirrored($0.cropped(x: 60, y: 40, width: 316, height: 178).resampled(width: 448, height: 252)) })
        let placedZoom = Self.matcher.compare(zoom, with: Self.reference)
        let mirroredSegment = try #require(placedZoom)
        #expect(mirroredSegment.symmetry == .mirror)
        let turned = Self.fingerprint(Self.original.map { Self.turned($0, degrees: 4) })
        let placedTurn = Self.matcher.compare(turned, with: Self.reference)
        #expect((placedTurn?.matchedFrames ?? 0) >= 3)
    }

    /// A row of coins on a smoothly lit cloth: the detail lies in a band under a
    /// quarter of the picture tall, so a zoomed copy's placed features span little
    /// of its height, but most of the height the two pictures share.
    @Test func aBandOfDetailIsPlaced() throws {
        let cloth = LumaImage(width: Self.width, height: Self.height, values: (0..<Self.width * Self.height).map { 90 + 80 * Float($0 % Self.width) / Float(Self.width) })
        let band = Self.original.map { Self.pasted($0.cropped(x: 0, y: 106, width: Self.width, height: 40), width: Self.width, height: 40, into: cloth, x: 0, y: 106) }
        let reference = Self.fingerprint(band)
        let zoom = Self.fingerprint(band.map { $0.cropped(x: 50, y: 30, width: 358, height: 201).resampled(width: Self.width, height: Self.height) })
        let segment = try #require(Self.matcher.compare(zoom, with: reference))
        #expect(segment.matchedFrames >= 3)
        #expect(abs(segment.speed - 1) < 0.1 && abs(segment.offset) < 0.8)
    }

    @Test func unrelatedClipsAreNotPlaced() {
        for seed in [50, 51, 52] {
            let other = Self.fingerprint(Self.clip(seed: UInt64(seed)))
            let placed = Self.matcher.compare(other, with: Self.reference)
            #expect(placed == nil)
            #expect(!TemporalMatcher().compare(other, with: Self.reference).isMatch)
        }
    }

    @Test func aSharedCornerBadgeIsNotACopy() throws {
        // Two different plain clips (a shop's slides, say), each with its own
        // product shot, and the same detailed badge in one corner: the badge's blobs
        // match and agree on one placement, but over too small a part of the picture.
        let badge = FeatureDetectorTests.scene(seed: 60).cropped(x: 200, y: 100, width: 80, height: 80)
        let slides = { (seed: UInt64) in
            let shot = FeatureDetectorTests.scene(seed: seed)
            let plain = LumaImage(width: Self.width, height: Self.height, values: Array(repeating: 128, count: Self.width * Self.height))
            return (0..<Self.frameCount).map { frame in
                let withShot = Self.pasted(shot.cropped(x: 10 * frame, y: 0, width: 200, height: 200), width: 120, height: 120, into: plain, x: 20, y: 110)
                return Self.pasted(badge, width: 80, height: 80, into: withShot, x: 350, y: 160)
            }
        }
        let first = Self.fingerprint(slides(61))
        let second = Self.fingerprint(slides(62))
        let (mine, theirs) = (try #require(FeatureMatcher.placedFrames(of: second).first), try #require(FeatureMatcher.placedFrames(of: first).first))
        let pairs = FeatureMatcher.correspondences(mine.hashes, theirs)
        #expect(pairs.count >= FeatureMatcher.minimumPlaced, "the badge's blobs are shared")
        #expect(FeatureMatcher.place(pairs, mine.points, mine.scales, on: theirs) == nil)
        let placed = Self.matcher.compare(second, with: first)
        #expect(placed == nil)
    }

    @Test func aFeatureWithoutOneClearCounterpartProposesNothing() {
        let hashes: [UInt64] = [0b1111_0000, 0b1111_0001, 0xFFFF_0000_0000]
        let apart = FeatureMatcher.Frame(
            time: 0, hashes: hashes, mirrored: hashes, points: [SIMD2(0.2, 0.5), SIMD2(0.8, 0.5), SIMD2(0.5, 0.5)], scales: [0.05, 0.05, 0.05]
        )
        // The first is as close to two reference features, far apart, as to one (a
        // repeating pattern); the second has one clear counterpart.
        let found = FeatureMatcher.correspondences([0b1111_0000 | 1 << 40, 0xFFFF_0000_0001], apart)
        #expect(found.map(\.query) == [1])
        #expect(found.first?.reference == 2)
        // The same blob found twice, at neighbouring scales in one place, is no rival.
        var together = apart
        together.points[1] = SIMD2(0.21, 0.51)
        let again = FeatureMatcher.correspondences([0b1111_0000 | 1 << 40], together)
        #expect(again.map(\.reference) == [0])
    }

    @Test func placementsSurviveTheBinaryForm() throws {
        let read = try VideoFingerprint(binary: Self.reference.binary())
        let features = Self.reference.frames.flatMap(\.features)
        let readFeatures = read.frames.flatMap(\.features)
        #expect(!features.isEmpty && readFeatures.count == features.count)
        for (written, back) in zip(features, readFeatures) {
            let (a, b) = (try #require(written.placement), try #require(back.placement))
            #expect(abs(a.x - b.x) < 0.001 && abs(a.y - b.y) < 0.001 && abs(a.scale - b.scale) < 0.0001)
        }
        let itself = Self.matcher.compare(read, with: Self.reference)
        #expect((itself?.matchedFrames ?? 0) >= 3, "a clip matches itself after the round trip")
    }
}

@Suite struct SimilarityTests {
    @Test func twoPointsDetermineIt() throws {
        let truth = Similarity(a: SIMD2(2 * cos(0.1), 2 * sin(0.1)), t: SIMD2(0.3, -0.2))
        let p = [SIMD2<Float>(0.1, 0.2), SIMD2<Float>(0.9, 0.7)]
        let found = try #require(Similarity(p[0], p[1], to: truth.apply(p[0]), truth.apply(p[1])))
        #expect(abs(found.scale - 2) < 1e-4 && abs(found.turn - 0.1) < 1e-4)
        #expect(Similarity(p[0], p[0], to: p[0], p[1]) == nil, "one point says nothing of scale or turn")
    }

    @Test func theLeastSquaresFitRecoversANoisyPlacement() throws {
        let truth = Similarity(a: SIMD2(0.5 * cos(-0.05), 0.5 * sin(-0.05)), t: SIMD2(1.0, 0.4))
        var generator = SeededGenerator(seed: 9)
        let source = (0..<20).map { _ in SIMD2(Float(generator.next() % 1000) / 600, Float(generator.next() % 1000) / 1000) }
        let target = source.map { truth.apply($0) + SIMD2(Float(generator.next() % 100) / 1e5, Float(generator.next() % 100) / 1e5) }
        let fitted = try #require(Similarity(fitting: source, to: target))
        #expect(abs(fitted.scale - 0.5) < 0.002 && abs(fitted.turn + 0.05) < 0.002)
        #expect(abs(fitted.t.x - 1.0) < 0.002 && abs(fitted.t.y - 0.4) < 0.002)
    }
}
