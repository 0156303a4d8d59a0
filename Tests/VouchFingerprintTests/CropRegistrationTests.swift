import Testing
@testable import VouchFingerprint
import VouchTestSupport

@Suite struct CropRegistrationTests {
    /// The part `window` of `image`, resized back to the image's size, as a cropping re-uploader makes it.
    static func crop(_ image: LumaImage, left: Double, right: Double, top: Double, bottom: Double) -> LumaImage {
        let x0 = Int(left * Double(image.width)), x1 = Int(right * Double(image.width))
        let y0 = Int(top * Double(image.height)), y1 = Int(bottom * Double(image.height))
        let part = image.cropped(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
        return InsetDetectorTests.resize(part, width: image.width, height: image.height)
    }

    /// Frames two a second with these thumbnails and random PDQ hashes, so only registration can match them.
    static func fingerprint(_ images: [LumaImage], seed: UInt64) -> VideoFingerprint {
        var generator = SeededGenerator(seed: seed)
        let frames = images.enumerated().map { index, image in
            FrameHash(timestamp: Double(index) / 2, quality: 90, pdq: FingerprintFormatTests.randomHash(&generator),
                      thumbnail: Thumbnail(of: image))
        }
        return VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 25, duration: Double(images.count) / 2, frames: frames)
    }

    static func picture(_ seed: UInt64) -> LumaImage {
        InsetDetectorTests.picture(seed: seed, width: 256, height: 144)
    }

    @Test func recoversTheCropWindow() {
        let original = Self.picture(41)
        let copy = Self.crop(original, left: 0.2, right: 1, top: 0.05, bottom: 0.85)
        let (correlation, window) = CropRegistration.register(
            CropRegistration.Prepared(Thumbnail(of: copy)), in: CropRegistration.Prepared(Thumbnail(of: original))
        )
        #expect(correlation > 0.95)
        #expect(abs(window.left - 0.2) < 0.03 && abs(window.right - 1) < 0.03, "\(window)")
        #expect(abs(window.top - 0.05) < 0.03 && abs(window.bottom - 0.85) < 0.03)
    }

    @Test func recoversThePortraitWindowOfALandscapeFrame() {
        let original = Self.picture(44)
        // The 9:16 window of a 16:9 frame, a third of its width, shown as a portrait clip.
        let portrait = original.cropped(x: 94, y: 0, width: 81, height: 144)
        let copy = InsetDetectorTests.resize(portrait, width: 144, height: 256)
        let (correlation, window) = CropRegistration.register(
            CropRegistration.Prepared(Thumbnail(of: copy)), in: CropRegistration.Prepared(Thumbnail(of: original))
        )
        #expect(correlation > 0.95)
        #expect(abs(window.left - 94.0 / 256) < 0.03 && abs(window.right - 175.0 / 256) < 0.03, "\(window)")
        #expect(window.top < 0.03 && window.bottom > 0.97)
    }

    @Test func anUnrelatedPictureDoesNotRegister() {
        let (correlation, _) = CropRegistration.register(
            CropRegistration.Prepared(Thumbnail(of: Self.picture(42))), in: CropRegistration.Prepared(Thumbnail(of: Self.picture(43)))
        )
        #expect(correlation < CropMatcher.correlationFloor)
    }

    @Test func matchesACroppedCopyThatPDQMisses() throws {
        let originals = (0..<12).map { Self.picture(UInt64(60 + $0)) }
        let copies = originals.map { Self.crop($0, left: 0, right: 0.8, top: 0.15, bottom: 1) }
        let match = TemporalMatcher().compare(Self.fingerprint(copies, seed: 1), with: Self.fingerprint(originals, seed: 2))
        #expect(match.isMatch)
        let segment = try #require(match.segments.first)
        let window = try #require(segment.referenceWindow)
        #expect(abs(window.right - 0.8) < 0.04 && abs(window.top - 0.15) < 0.04)
        #expect(abs(segment.speed - 1) < 0.1)

        let unrelated = (0..<12).map { Self.picture(UInt64(80 + $0)) }
        #expect(!TemporalMatcher().compare(Self.fingerprint(unrelated, seed: 3), with: Self.fingerprint(originals, seed: 2)).isMatch)
    }

    @Test func aWindowNarrowerThanAPortraitCropIsNoCrop() throws {
        // A 30% × 68% window stretched to fill a landscape frame is no crop anyone
        // reposts, and is how a dark test pattern came to match a night sky; the
        // portrait window of the same pictures, a third of their width, is one.
        let originals = (0..<12).map { Self.picture(UInt64(140 + $0)) }
        let stretched = originals.map { Self.crop($0, left: 0.35, right: 0.65, top: 0.15, bottom: 0.83) }
        let narrow = TemporalMatcher().compare(Self.fingerprint(stretched, seed: 6), with: Self.fingerprint(originals, seed: 7))
        #expect(!narrow.isMatch, "scored \(narrow.score) at \(String(describing: narrow.segments.first?.referenceWindow))")
        let portrait = originals.map { Self.crop($0, left: 0.33, right: 0.67, top: 0, bottom: 1) }
        let match = TemporalMatcher().compare(Self.fingerprint(portrait, seed: 8), with: Self.fingerprint(originals, seed: 7))
        #expect(match.isMatch)
        let window = try #require(match.segments.first?.referenceWindow)
        #expect((window.right - window.left) * (window.bottom - window.top) >= CropMatcher.smallestCrop)
    }

    @Test func matchesAReferenceShownPictureInPicture() throws {
        let originals = (0..<12).map { Self.picture(UInt64(90 + $0)) }
        let composites = originals.enumerated().map { index, original in
            var background = Self.picture(UInt64(120 + index))
            let inset = InsetDetectorTests.resize(original, width: 179, height: 101)
            for y in 0..<101 {
                for x in 0..<179 { background.values[(30 + y) * 256 + 51 + x] = inset.values[y * 179 + x] }
            }
            return background
        }
        let match = TemporalMatcher().compare(Self.fingerprint(composites, seed: 4), with: Self.fingerprint(originals, seed: 5))
        #expect(match.isMatch)
        let window = try #require(match.segments.first?.queryWindow)
        #expect(abs(window.left - 51.0 / 256) < 0.04 && abs(window.right - 230.0 / 256) < 0.04)
        #expect(abs(window.top - 30.0 / 144) < 0.04 && abs(window.bottom - 131.0 / 144) < 0.04)
    }
}
