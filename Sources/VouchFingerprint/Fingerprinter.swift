/// Turns a clip's sampled frames into its ``VideoFingerprint``.
///
/// It sees all frames before hashing any, because the content box is found from
/// their combined detail and every frame is hashed inside the same box.
public struct Fingerprinter: Sendable {
    public var settings: FingerprintSettings

    public init(settings: FingerprintSettings = FingerprintSettings()) {
        self.settings = settings
    }

    /// A sampled frame: its time in seconds and its luma.
    public typealias Frame = (timestamp: Double, image: LumaImage)
    /// A sampled frame as decoders deliver it: its time in seconds and 8-bit luma, `width` bytes a row.
    public typealias EightBitFrame = (timestamp: Double, width: Int, height: Int, luma: [UInt8])

    public func fingerprint(of frames: [Frame], sourceFrameRate: Double, duration: Double) -> VideoFingerprint {
        fingerprint(timestamps: frames.map(\.timestamp), sourceFrameRate: sourceFrameRate, duration: duration) { frames[$0].image }
    }

    /// The same fingerprint from 8-bit frames, widened to ``LumaImage`` one at a
    /// time: a clip's frames all held in single precision take four times the
    /// memory, and the page faults to fill it cost more than the hashing.
    public func fingerprint(of frames: [EightBitFrame], sourceFrameRate: Double, duration: Double) -> VideoFingerprint {
        fingerprint(timestamps: frames.map(\.timestamp), sourceFrameRate: sourceFrameRate, duration: duration) {
            LumaImage(width: frames[$0].width, height: frames[$0].height, luma: frames[$0].luma)
        }
    }

    private func fingerprint(
        timestamps: [Double], sourceFrameRate: Double, duration: Double, image: (Int) -> LumaImage
    ) -> VideoFingerprint {
        let examined = Array(timestamps.indices).evenlySpaced(ContentBox.framesExamined).map(image)
        let box = ContentBox.detect(in: examined)
        let insets = InsetDetector.insets(in: examined.map { Self.crop($0, to: box) })
        let detector = FeatureDetector(featuresPerFrame: settings.featuresPerFrame)
        let stride = settings.featureStride
        let hashes = timestamps.indices.map { index -> FrameHash in
            let frame = image(index)
            let picture = Self.crop(frame, to: box)
            let (hashes, quality) = PDQ.dihedralHashes(picture)
            return FrameHash(
                timestamp: timestamps[index], quality: quality, pdq: hashes[0], variants: Array(hashes.dropFirst()),
                fullFrame: box == .full ? nil : PDQ.hash(frame).hash,
                insets: insets.map { PDQ.hash(Self.crop(picture, to: $0)).hash },
                thumbnail: Thumbnail(of: picture),
                features: stride > 0 && index % stride == 0 ? detector.features(of: picture) : []
            )
        }
        return VideoFingerprint(
            framesPerSecond: settings.framesPerSecond, sourceFrameRate: sourceFrameRate,
            duration: duration, contentBox: box, insets: insets.map { box.containing($0) }, frames: hashes
        )
    }

    static func crop(_ image: LumaImage, to box: ContentBox) -> LumaImage {
        guard box != .full else { return image }
        let rect = box.pixels(width: image.width, height: image.height)
        return image.cropped(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
    }
}
