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

    public func fingerprint(of frames: [Frame], sourceFrameRate: Double, duration: Double) -> VideoFingerprint {
        let box = ContentBox.detect(in: frames.map(\.image))
        let pictures = frames.map { Self.crop($0.image, to: box) }
        let insets = InsetDetector.insets(in: pictures.evenlySpaced(ContentBox.framesExamined))
        let hashes = zip(frames, pictures).map { frame, picture -> FrameHash in
            let (hashes, quality) = PDQ.dihedralHashes(picture)
            return FrameHash(
                timestamp: frame.timestamp, quality: quality, pdq: hashes[0], variants: Array(hashes.dropFirst()),
                fullFrame: box == .full ? nil : PDQ.hash(frame.image).hash,
                insets: insets.map { PDQ.hash(Self.crop(picture, to: $0)).hash },
                thumbnail: Thumbnail(of: picture)
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
