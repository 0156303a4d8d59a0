/// The PDQ perceptual hash of an image, compatible with Meta's reference.
public enum PDQ {
    /// Images smaller than this on either side hash to zero with quality 0, as in the reference.
    public static let minimumSide = 5

    /// The hash and PDQ's quality (0–100; under 50 the reference ignores the hash).
    public static func hash(_ image: LumaImage) -> (hash: PDQHash, quality: Int) {
        guard let (transform, quality) = transform(image) else { return (.zero, 0) }
        return (transform.hash, quality)
    }

    /// The hashes of the image under all eight symmetries, in ``Dihedral`` order, from one DCT.
    public static func dihedralHashes(_ image: LumaImage) -> (hashes: [PDQHash], quality: Int) {
        guard let (transform, quality) = transform(image) else { return (Array(repeating: .zero, count: 8), 0) }
        return (Dihedral.allCases.map { transform.transformed(by: $0).hash }, quality)
    }

    static func transform(_ image: LumaImage) -> (PDQTransform, Int)? {
        guard image.width >= minimumSide, image.height >= minimumSide else { return nil }
        let buffer = JaroszFilter.downscale(image)
        return (PDQTransform(of: buffer), quality(of: buffer))
    }

    /// The sum of truncated neighbour differences, in percent of full scale, over 90, capped at 100.
    static func quality(of buffer: [Float]) -> Int {
        let side = JaroszFilter.side
        var gradientSum = 0
        for i in 0..<(side - 1) {
            for j in 0..<side {
                gradientSum += abs(Int(((buffer[i * side + j] - buffer[(i + 1) * side + j]) * 100) / 255))
            }
        }
        for i in 0..<side {
            for j in 0..<(side - 1) {
                gradientSum += abs(Int(((buffer[i * side + j] - buffer[i * side + j + 1]) * 100) / 255))
            }
        }
        return min(gradientSum / 90, 100)
    }
}
