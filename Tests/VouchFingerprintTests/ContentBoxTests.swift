import Testing
@testable import VouchFingerprint

@Suite struct ContentBoxTests {
    /// A detailed 160×90 picture: synthetic image 5 in luma.
    let picture: LumaImage = {
        let synthetic = SyntheticImage(seed: 5)
        let image = LumaImage(width: synthetic.width, height: synthetic.height, rgb: synthetic.rgb)
        return resize(image, width: 160, height: 90)
    }()

    @Test func findsNoBorderInAPlainPicture() {
        #expect(ContentBox.detect(in: [picture]) == .full)
    }

    @Test func findsLetterboxBarsOfAnyColour() {
        for colour: Float in [0, 255, 90] {
            let padded = pad(picture, top: 45, bottom: 45, left: 0, right: 0, with: { _, _ in colour })
            let box = ContentBox.detect(in: [padded])
            #expect(box == ContentBox(left: 0, top: 0.25, right: 1, bottom: 0.75), "bars of \(colour)")
        }
    }

    @Test func findsABlurredPad() {
        let background = blur(resize(picture, width: 90, height: 160), radius: 12)
        let padded = pad(picture, top: 35, bottom: 35, left: 0, right: 0, background: resize(background, width: 160, height: 160))
        let box = ContentBox.detect(in: [padded])
        #expect(abs(box.top - 35.0 / 160) < 0.01 && abs(box.bottom - 125.0 / 160) < 0.01)
    }

    @Test func paddedCopiesHashLikeTheirOriginal() {
        let padded = pad(picture, top: 50, bottom: 50, left: 20, right: 20, with: { _, _ in 0 })
        let original = PDQ.hash(picture).hash
        let copy = PDQ.hash(Fingerprinter.crop(padded, to: ContentBox.detect(in: [padded]))).hash
        #expect(copy.distance(to: original) == 0)
        #expect(PDQ.hash(padded).hash.distance(to: original) > 40, "without the box, padding alone breaks PDQ")
    }

    private func pad(_ image: LumaImage, top: Int, bottom: Int, left: Int, right: Int, with fill: (Int, Int) -> Float) -> LumaImage {
        let width = image.width + left + right
        let height = image.height + top + bottom
        var values = [Float](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let inside = x >= left && x < left + image.width && y >= top && y < top + image.height
                values[y * width + x] = inside ? image.values[(y - top) * image.width + x - left] : fill(x, y)
            }
        }
        return LumaImage(width: width, height: height, values: values)
    }

    private func pad(_ image: LumaImage, top: Int, bottom: Int, left: Int, right: Int, background: LumaImage) -> LumaImage {
        pad(image, top: top, bottom: bottom, left: left, right: right) { x, y in background.values[y * background.width + x] }
    }

    private static func resize(_ image: LumaImage, width: Int, height: Int) -> LumaImage {
        var values = [Float](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                values[y * width + x] = image.values[(y * image.height / height) * image.width + x * image.width / width]
            }
        }
        return LumaImage(width: width, height: height, values: values)
    }

    private func resize(_ image: LumaImage, width: Int, height: Int) -> LumaImage {
        Self.resize(image, width: width, height: height)
    }

    private func blur(_ image: LumaImage, radius: Int) -> LumaImage {
        var values = image.values
        for y in 0..<image.height {
            for x in 0..<image.width {
                var sum: Float = 0
                var count: Float = 0
                for dy in -radius...radius {
                    for dx in -radius...radius {
                        let sx = x + dx, sy = y + dy
                        guard sx >= 0, sy >= 0, sx < image.width, sy < image.height else { continue }
                        sum += image.values[sy * image.width + sx]
                        count += 1
                    }
                }
                values[y * image.width + x] = sum / count
            }
        }
        return LumaImage(width: image.width, height: image.height, values: values)
    }
}
