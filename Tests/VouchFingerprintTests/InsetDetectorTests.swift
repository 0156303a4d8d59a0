import Testing
@testable import VouchFingerprint
import VouchTestSupport

@Suite struct InsetDetectorTests {
    /// A synthetic image, resized bilinearly as video scalers do.
    static func picture(seed: UInt64, width: Int, height: Int) -> LumaImage {
        let synthetic = SyntheticImage(seed: seed)
        return resize(LumaImage(width: synthetic.width, height: synthetic.height, rgb: synthetic.rgb), width: width, height: height)
    }

    /// Bilinear resampling, as video scalers do.
    static func resize(_ image: LumaImage, width: Int, height: Int) -> LumaImage {
        var values = [Float](repeating: 0, count: width * height)
        for y in 0..<height {
            let sy = max(0, (Float(y) + 0.5) * Float(image.height) / Float(height) - 0.5)
            let y0 = min(Int(sy), image.height - 1), y1 = min(y0 + 1, image.height - 1), fy = sy - Float(y0)
            for x in 0..<width {
                let sx = max(0, (Float(x) + 0.5) * Float(image.width) / Float(width) - 0.5)
                let x0 = min(Int(sx), image.width - 1), x1 = min(x0 + 1, image.width - 1), fx = sx - Float(x0)
                let top = image.values[y0 * image.width + x0] * (1 - fx) + image.values[y0 * image.width + x1] * fx
                let bottom = image.values[y1 * image.width + x0] * (1 - fx) + image.values[y1 * image.width + x1] * fx
                values[y * width + x] = top * (1 - fy) + bottom * fy
            }
        }
        return LumaImage(width: width, height: height, values: values)
    }

    /// Frames whose background and inset both change, while the inset's rectangle stays put.
    static func pictureInPicture(x: Int, y: Int, width: Int, height: Int) -> [LumaImage] {
        (0..<8).map { frame in
            var background = picture(seed: UInt64(100 + frame), width: 256, height: 144)
            let inset = picture(seed: UInt64(200 + frame), width: width, height: height)
            for row in 0..<height {
                for column in 0..<width { background.values[(y + row) * 256 + x + column] = inset.values[row * width + column] }
            }
            return background
        }
    }

    @Test func findsAPictureInPictureToThePixel() throws {
        let insets = InsetDetector.insets(in: Self.pictureInPicture(x: 70, y: 30, width: 170, height: 96))
        let expected = ContentBox(left: 70.0 / 256, top: 30.0 / 144, right: 240.0 / 256, bottom: 126.0 / 144)
        let found = try #require(insets.first, "found nothing")
        #expect(found.overlap(with: expected) > 0.9, "the best inset is the picture-in-picture")
        #expect(abs(found.left - expected.left) * 256 <= 1 && abs(found.right - expected.right) * 256 <= 1)
        #expect(abs(found.top - expected.top) * 144 <= 1 && abs(found.bottom - expected.bottom) * 144 <= 1)
    }

    /// Frames of different pictures side by side in a grid of `columns` × `rows` tiles, each changing every frame.
    static func tiled(columns: Int, rows: Int) -> [LumaImage] {
        let (tileWidth, tileHeight) = (256 / columns, 144 / rows)
        return (0..<8).map { frame -> LumaImage in
            var values = [Float](repeating: 0, count: 256 * 144)
            for tile in 0..<(columns * rows) {
                let picture = Self.picture(seed: UInt64(300 + 100 * tile + frame), width: tileWidth, height: tileHeight)
                let (left, top) = (tile % columns * tileWidth, tile / columns * tileHeight)
                for y in 0..<tileHeight {
                    for x in 0..<tileWidth { values[(top + y) * 256 + left + x] = picture.values[y * tileWidth + x] }
                }
            }
            return LumaImage(width: 256, height: 144, values: values)
        }
    }

    @Test func findsBothHalvesOfASideBySide() {
        let insets = InsetDetector.insets(in: Self.tiled(columns: 2, rows: 1))
        #expect(insets.contains { $0.overlap(with: ContentBox(left: 0, top: 0, right: 0.5, bottom: 1)) > 0.95 })
        #expect(insets.contains { $0.overlap(with: ContentBox(left: 0.5, top: 0, right: 1, bottom: 1)) > 0.95 })
    }

    /// A half of a 2 × 2 collage holds two clips, so its hash matches neither: the
    /// four tiles are the insets, a quarter of the frame each.
    @Test func findsEveryTileOfACollageAndNoHalf() {
        let insets = InsetDetector.insets(in: Self.tiled(columns: 2, rows: 2))
        for (left, top) in [(0.0, 0.0), (0.5, 0.0), (0.0, 0.5), (0.5, 0.5)] {
            let tile = ContentBox(left: left, top: top, right: left + 0.5, bottom: top + 0.5)
            #expect(insets.contains { $0.overlap(with: tile) > 0.95 }, "tile at \(left), \(top)")
        }
        #expect(insets.allSatisfy { $0.area < 0.3 }, "\(insets)")
    }

    /// A tile showing a 2.35:1 film keeps its letterbox bars, whose edges divide
    /// the tile: the picture between them, under a fifth of the frame, is the inset.
    @Test func findsTheFilmInsideALetterboxedTile() {
        let bar = 9
        let frames = Self.tiled(columns: 2, rows: 2).map { frame -> LumaImage in
            var boxed = frame
            for y in Array(0..<bar) + Array((72 - bar)..<72) {
                for x in 128..<256 { boxed.values[y * 256 + x] = 0 }
            }
            return boxed
        }
        let picture = ContentBox(left: 0.5, top: Double(bar) / 144, right: 1, bottom: Double(72 - bar) / 144)
        #expect(picture.area < 0.2, "under a fifth of the frame")
        #expect(InsetDetector.insets(in: frames).contains { $0.overlap(with: picture) > 0.95 }, "\(InsetDetector.insets(in: frames))")
    }

    /// A still photo (discs of dead leaves) shown over a reactor of restless pixel
    /// noise: no luma step stands out beside the noise, but the photo's border is
    /// where the frames stop changing.
    @Test func findsAStillPictureOverRestlessNoise() throws {
        let photo = FeatureDetectorTests.scene(seed: 900).resampled(width: 128, height: 72)
        var generator = SeededGenerator(seed: 901)
        let frames = (0..<ContentBox.framesExamined).map { _ -> LumaImage in
            var values = (0..<(256 * 144)).map { _ in generator.next() % 2 == 0 ? Float(10) : Float(150) }
            for y in 0..<72 {
                for x in 0..<128 { values[(8 + y) * 256 + 64 + x] = photo.values[y * 128 + x] }
            }
            return LumaImage(width: 256, height: 144, values: values)
        }
        let expected = ContentBox(left: 64.0 / 256, top: 8.0 / 144, right: 192.0 / 256, bottom: 80.0 / 144)
        let found = try #require(InsetDetector.insets(in: frames).first, "found nothing")
        #expect(found.overlap(with: expected) > 0.95, "\(InsetDetector.insets(in: frames))")
    }

    @Test func aPlainClipHasNoInsets() {
        let frames = (0..<8).map { Self.picture(seed: UInt64(500 + $0), width: 256, height: 144) }
        #expect(InsetDetector.insets(in: frames).isEmpty)
    }
}
