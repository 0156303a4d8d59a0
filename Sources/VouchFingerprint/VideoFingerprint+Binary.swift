import Foundation

/// The compact binary form: a 68-byte header, then 37 bytes a frame, plus 224
/// for the dihedral variants when they are kept and 32 for the full-frame hash
/// when a content box was cut, 32 for each inset, 1,296 for the thumbnail when
/// kept, and, when any frame has local features, a count byte and 16 bytes a
/// feature, 22 when every feature is placed; the insets' rectangles follow the
/// header. Little-endian throughout.
extension VideoFingerprint {
    static let magic: [UInt8] = Array("VFP1".utf8)

    private enum Flags {
        static let variants: UInt32 = 1
        static let fullFrames: UInt32 = 2
        static let thumbnails: UInt32 = 4
        static let features: UInt32 = 8
        static let placements: UInt32 = 16
    }

    /// Placements as 16-bit fixed point: positions to 1/8192 of the picture's
    /// height (up to 8 heights across), scales to 1/65536.
    private enum PlacementUnits {
        static let position: Float = 8192
        static let scale: Float = 65536
    }

    /// Why bytes could not be read as a fingerprint.
    public enum BinaryFormatError: Error, CustomStringConvertible {
        case notAFingerprint
        case truncated(expected: Int, actual: Int)

        public var description: String {
            switch self {
            case .notAFingerprint: "not a Vouch fingerprint (the file does not start with VFP1)"
            case .truncated(let expected, let actual): "fingerprint truncated: \(actual) of \(expected) bytes"
            }
        }
    }

    /// The binary form; `includingVariants: false` keeps only what the index needs.
    public func binary(includingVariants: Bool = true) -> Data {
        let keepVariants = includingVariants && frames.allSatisfy { $0.variants.count == 7 }
        let keepThumbnails = includingVariants && !frames.isEmpty && frames.allSatisfy { $0.thumbnail != nil }
        let keepFullFrames = !frames.isEmpty && frames.allSatisfy { $0.fullFrame != nil }
        let keepFeatures = frames.contains { !$0.features.isEmpty }
        let keepPlacements = keepFeatures && frames.allSatisfy { $0.features.allSatisfy { $0.placement != nil } }
        var out = ByteWriter()
        out.bytes(Self.magic)
        out.uint32(UInt32(frames.count))
        let insetCount = UInt32(min(insets.count, 255))
        out.uint32((keepVariants ? Flags.variants : 0) | (keepFullFrames ? Flags.fullFrames : 0)
            | (keepThumbnails ? Flags.thumbnails : 0) | (keepFeatures ? Flags.features : 0)
            | (keepPlacements ? Flags.placements : 0) | insetCount << 8)
        for value in [framesPerSecond, sourceFrameRate, duration] { out.float64(value) }
        for box in [contentBox] + insets.prefix(Int(insetCount)) {
            for edge in [box.left, box.top, box.right, box.bottom] { out.float64(edge) }
        }
        for frame in frames {
            out.uint32(UInt32((frame.timestamp * 1000).rounded()))
            out.byte(UInt8(clamping: frame.quality))
            out.hash(frame.pdq)
            if keepVariants { frame.variants.forEach { out.hash($0) } }
            if keepFullFrames, let full = frame.fullFrame { out.hash(full) }
            for index in 0..<Int(insetCount) { out.hash(index < frame.insets.count ? frame.insets[index] : .zero) }
            if keepThumbnails, let thumbnail = frame.thumbnail { out.bytes(thumbnail.pixels) }
            if keepFeatures {
                let features = frame.features.prefix(255)
                out.byte(UInt8(features.count))
                for feature in features {
                    out.uint64(feature.hash)
                    out.uint64(feature.mirrored)
                    if keepPlacements, let placement = feature.placement {
                        out.uint16(placement.x * PlacementUnits.position)
                        out.uint16(placement.y * PlacementUnits.position)
                        out.uint16(placement.scale * PlacementUnits.scale)
                    }
                }
            }
        }
        return out.data
    }

    public init(binary data: Data) throws {
        var input = ByteReader(data: data)
        guard data.count >= 68, try input.bytes(4) == Self.magic else { throw BinaryFormatError.notAFingerprint }
        let count = Int(try input.uint32())
        let flags = try input.uint32()
        let hasVariants = flags & Flags.variants != 0
        let hasFullFrames = flags & Flags.fullFrames != 0
        let hasThumbnails = flags & Flags.thumbnails != 0
        let hasFeatures = flags & Flags.features != 0
        let hasPlacements = hasFeatures && flags & Flags.placements != 0
        let thumbnailBytes = Thumbnail.width * Thumbnail.height
        let insetCount = Int(flags >> 8 & 0xFF)
        let perFrame = 37 + (hasVariants ? 224 : 0) + (hasFullFrames ? 32 : 0) + 32 * insetCount + (hasThumbnails ? thumbnailBytes : 0)
            + (hasFeatures ? 1 : 0)
        let expected = 68 + 32 * insetCount + count * perFrame
        guard data.count >= expected else { throw BinaryFormatError.truncated(expected: expected, actual: data.count) }
        let fps = try input.float64()
        let sourceRate = try input.float64()
        let duration = try input.float64()
        let boxes = try (0...insetCount).map { _ in
            let edges = try (0..<4).map { _ in try input.float64() }
            return ContentBox(left: edges[0], top: edges[1], right: edges[2], bottom: edges[3])
        }
        var frames: [FrameHash] = []
        frames.reserveCapacity(count)
        for _ in 0..<count {
            let time = Double(try input.uint32()) / 1000
            let quality = Int(try input.byte())
            let pdq = try input.hash()
            let variants = hasVariants ? try (0..<7).map { _ in try input.hash() } : []
            let fullFrame = hasFullFrames ? try input.hash() : nil
            let insetHashes = try (0..<insetCount).map { _ in try input.hash() }
            let thumbnail = hasThumbnails ? Thumbnail(pixels: try input.bytes(thumbnailBytes)) : nil
            let features = hasFeatures ? try (0..<Int(try input.byte())).map { _ in
                LocalFeature(
                    hash: try input.uint64(), mirrored: try input.uint64(),
                    placement: hasPlacements ? LocalFeature.Placement(
                        x: Float(try input.uint16()) / PlacementUnits.position,
                        y: Float(try input.uint16()) / PlacementUnits.position,
                        scale: Float(try input.uint16()) / PlacementUnits.scale
                    ) : nil
                )
            } : []
            frames.append(FrameHash(
                timestamp: time, quality: quality, pdq: pdq, variants: variants,
                fullFrame: fullFrame, insets: insetHashes, thumbnail: thumbnail, features: features
            ))
        }
        self.init(
            framesPerSecond: fps, sourceFrameRate: sourceRate, duration: duration,
            contentBox: boxes[0], insets: Array(boxes.dropFirst()), frames: frames
        )
    }
}

private struct ByteWriter {
    var data = Data()
    mutating func byte(_ value: UInt8) { data.append(value) }
    mutating func bytes(_ values: [UInt8]) { data.append(contentsOf: values) }
    /// A non-negative value rounded into 16 bits, clamped.
    mutating func uint16(_ value: Float) {
        let clamped = UInt16(min(max(value.rounded(), 0), Float(UInt16.max)))
        withUnsafeBytes(of: clamped.littleEndian) { data.append(contentsOf: $0) }
    }
    mutating func uint32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func uint64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func float64(_ value: Double) { uint64(value.bitPattern) }
    mutating func hash(_ hash: PDQHash) {
        for word in [hash.words.0, hash.words.1, hash.words.2, hash.words.3] { uint64(word) }
    }
}

private struct ByteReader {
    let data: Data
    var offset = 0

    mutating func bytes(_ count: Int) throws -> [UInt8] {
        guard offset + count <= data.count else { throw VideoFingerprint.BinaryFormatError.truncated(expected: offset + count, actual: data.count) }
        defer { offset += count }
        return Array(data[data.startIndex + offset..<data.startIndex + offset + count])
    }

    mutating func byte() throws -> UInt8 { try bytes(1)[0] }

    mutating func uint16() throws -> UInt16 { try integer(2) }
    mutating func uint32() throws -> UInt32 { try integer(4) }
    mutating func uint64() throws -> UInt64 { try integer(8) }
    mutating func float64() throws -> Double { Double(bitPattern: try uint64()) }
    mutating func hash() throws -> PDQHash { PDQHash(words: (try uint64(), try uint64(), try uint64(), try uint64())) }

    private mutating func integer<T: FixedWidthInteger>(_ size: Int) throws -> T {
        try bytes(size).reversed().reduce(T.zero) { $0 << 8 | T($1) }
    }
}
