import Testing
@testable import VouchFingerprint
import VouchTestSupport

@Suite struct FeatureDetectorTests {
    /// A 512 × 288 "dead leaves" picture: discs of random grey with power-law
    /// radii painted over one another, whose statistics are scale-invariant like
    /// a natural scene's; lightly blurred, as a camera would.
    static func scene(seed: UInt64) -> LumaImage {
        var generator = SeededGenerator(seed: seed)
        let width = 512
        let height = 288
        var values = [Float](repeating: 128, count: width * height)
        for _ in 0..<1500 {
            let cx = Int(generator.next() % UInt64(width))
            let cy = Int(generator.next() % UInt64(height))
            let uniform = Double(generator.next() % 10_000 + 1) / 10_000
            let radius = min(Int(3 / uniform.squareRoot()), 80)
            let grey = Float(generator.next() % 256)
            for y in max(0, cy - radius)..<min(height, cy + radius + 1) {
                for x in max(0, cx - radius)..<min(width, cx + radius + 1) where (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius {
                    values[y * width + x] = grey
                }
            }
        }
        return GaussianBlur.blurred(LumaImage(width: width, height: height, values: values), sigma: 0.8)
    }

    /// As fingerprinting runs it; the index stores the first 12 of an original's.
    static let detector = FeatureDetector(featuresPerFrame: FingerprintSettings().featuresPerFrame)
    static let stored = 12

    /// How many of `copy`'s features lie within `radius` of the first `stored` of `original`'s.
    static func shared(_ copy: [LocalFeature], _ original: [LocalFeature], radius: Int = 8, mirrored: Bool = false) -> Int {
        let kept = original.prefix(stored).map(\.hash)
        return copy.filter { feature in kept.contains { LocalFeature.distance(mirrored ? feature.mirrored : feature.hash, $0) <= radius } }.count
    }

    @Test func findsTheConfiguredNumberOfFeatures() {
        let features = Self.detector.features(of: Self.scene(seed: 1))
        #expect(features.count >= 16 && features.count <= Self.detector.featuresPerFrame)
        #expect(Set(features.map(\.hash)).count > features.count * 9 / 10, "distinct blobs hash differently")
    }

    @Test func aCropShownAtFullSizeKeepsFeatures() {
        let picture = Self.scene(seed: 2)
        let original = Self.detector.features(of: picture)
        // A 9:16 window of the 16:9 picture, a third of its width, blown up as a portrait clip would be.
        let portrait = picture.cropped(x: 190, y: 0, width: 162, height: 288).resampled(width: 288, height: 512)
        // A zoom to half the area, off centre.
        let zoom = picture.cropped(x: 100, y: 30, width: 362, height: 204).resampled(width: 512, height: 288)
        #expect(Self.shared(Self.detector.features(of: portrait), original) >= 1)
        #expect(Self.shared(Self.detector.features(of: zoom), original) >= 2)
    }

    @Test func anInsetAQuarterOfTheFrameKeepsFeatures() {
        let original = Self.detector.features(of: Self.scene(seed: 3))
        var host = Self.scene(seed: 30)
        let inset = Self.scene(seed: 3).resampled(width: 256, height: 144)
        for y in 0..<144 { for x in 0..<256 { host.values[(y + 20) * 512 + x + 230] = inset.values[y * 256 + x] } }
        #expect(Self.shared(Self.detector.features(of: host), original) >= 2)
    }

    @Test func aMirroredCopyMatchesThroughTheMirroredHashes() {
        let picture = Self.scene(seed: 4)
        var flipped = picture
        for y in 0..<picture.height {
            for x in 0..<picture.width { flipped.values[y * picture.width + x] = picture.values[y * picture.width + picture.width - 1 - x] }
        }
        let original = Self.detector.features(of: picture)
        let mirrored = Self.detector.features(of: flipped)
        #expect(Self.shared(mirrored, original, mirrored: true) >= Self.stored / 2)
        #expect(Self.shared(mirrored, original) < Self.shared(mirrored, original, mirrored: true))
    }

    @Test func unrelatedPicturesShareNone() {
        let original = Self.detector.features(of: Self.scene(seed: 5))
        for seed in 6...9 {
            #expect(Self.shared(Self.detector.features(of: Self.scene(seed: UInt64(seed))), original) == 0)
        }
    }

    @Test func aFlatPictureHasNoFeatures() {
        #expect(Self.detector.features(of: LumaImage(width: 512, height: 288, values: Array(repeating: 128, count: 512 * 288))).isEmpty)
        #expect(Self.detector.features(of: LumaImage(width: 8, height: 8, values: Array(repeating: 0, count: 64))).isEmpty)
    }

    @Test func theBlurKeepsBrightnessAndSpreadsAPoint() {
        var point = [Float](repeating: 0, count: 31 * 31)
        point[15 * 31 + 15] = 1000
        let blurred = GaussianBlur.blurred(LumaImage(width: 31, height: 31, values: point), sigma: 2)
        #expect(abs(blurred.values.reduce(0, +) - 1000) < 1)
        #expect(blurred.values[15 * 31 + 15] > blurred.values[15 * 31 + 17])
        #expect(abs(blurred.values[15 * 31 + 13] - blurred.values[15 * 31 + 17]) < 0.001, "symmetric")
    }
}
