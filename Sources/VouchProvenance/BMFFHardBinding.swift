import Foundation

/// The `c2pa.hash.bmff.v2` / `.v3` hard binding: one hash over the file's top-level
/// boxes, each not excluded contributing its offset (8 bytes, big-endian) and then its
/// bytes, less the parts the exclusions name. A remux or a one-byte change to the media
/// changes it; rewriting the manifest box does not, since that box is excluded.
///
/// Exclusions are matched on the top level only (`/type`, with the optional `data`,
/// `length`, `version`, `flags` and `subset` conditions); a nested xpath is refused as
/// unsupported, and so is the Merkle variant fragmented MP4 uses.
struct BMFFHardBinding: Sendable {
    struct Exclusion: Sendable {
        var type: String
        var length: UInt64?
        var version: UInt8?
        var flags: Data?
        var exact: Bool
        var data: [(offset: UInt64, value: Data)]
        /// Ranges within the box (offset from its start, length; 0 means to the end) left out; none means the whole box.
        var subsets: [(offset: UInt64, length: UInt64)]
    }

    var algorithm: HashAlgorithm
    var hash: Data
    var exclusions: [Exclusion]

    init(cbor: CBOR, claimAlgorithm: HashAlgorithm) throws(ProvenanceError) {
        guard case .map = cbor else { throw .malformed("the BMFF hash assertion is not a map") }
        if cbor["merkle"] != nil { throw .unsupported("the Merkle BMFF hash of fragmented MP4") }
        guard let hash = cbor["hash"]?.bytes else { throw .malformed("the BMFF hash assertion has no hash") }
        self.hash = hash
        algorithm = try cbor["alg"]?.text.map { name throws(ProvenanceError) in try HashAlgorithm(name: name) } ?? claimAlgorithm
        var exclusions: [Exclusion] = []
        for entry in cbor["exclusions"]?.array ?? [] {
            exclusions.append(try Self.exclusion(entry))
        }
        self.exclusions = exclusions
    }

    private static func exclusion(_ entry: CBOR) throws(ProvenanceError) -> Exclusion {
        guard let xpath = entry["xpath"]?.text else { throw .malformed("a BMFF exclusion without xpath") }
        let steps = xpath.split(separator: "/", omittingEmptySubsequences: false)
        guard steps.count == 2, steps[0].isEmpty, steps[1].utf8.count == 4 else { throw .unsupported("BMFF exclusion xpath '\(xpath)'") }
        var exclusion = Exclusion(type: String(steps[1]), exact: true, data: [], subsets: [])
        exclusion.length = entry["length"]?.int.flatMap { $0 >= 0 ? UInt64($0) : nil }
        exclusion.version = entry["version"]?.int.flatMap { (0...255).contains($0) ? UInt8($0) : nil }
        exclusion.flags = entry["flags"]?.bytes
        if case .bool(let exact) = entry["exact"] { exclusion.exact = exact }
        for item in entry["data"]?.array ?? [] {
            guard let offset = item["offset"]?.int, offset >= 0, let value = item["value"]?.bytes, value.count <= 1024 else {
                throw .malformed("a BMFF exclusion's data condition")
            }
            exclusion.data.append((UInt64(offset), value))
        }
        for item in entry["subset"]?.array ?? [] {
            guard let offset = item["offset"]?.int, offset >= 0, let length = item["length"]?.int, length >= 0 else {
                throw .malformed("a BMFF exclusion's subset")
            }
            exclusion.subsets.append((UInt64(offset), UInt64(length)))
        }
        return exclusion
    }

    /// Whether the file's boxes hash to the asserted value.
    func matches(_ file: BMFFFile, boxes: [BMFFBox]) throws(ProvenanceError) -> Bool {
        var hasher = algorithm.makeHasher()
        for box in boxes {
            var excluded: [Range<UInt64>] = []
            var whole = false
            for exclusion in exclusions where try applies(exclusion, to: box, in: file) {
                if exclusion.subsets.isEmpty {
                    whole = true
                    break
                }
                for subset in exclusion.subsets where subset.offset < box.size {
                    let end = subset.length == 0 ? box.size : min(box.size, subset.offset + subset.length)
                    excluded.append(box.offset + subset.offset..<box.offset + end)
                }
            }
            if whole { continue }
            var offset = Data(count: 8)
            for index in 0..<8 { offset[index] = UInt8(box.offset >> (56 - 8 * UInt64(index)) & 0xFF) }
            hasher.update(offset)
            for range in Self.remainder(of: box.offset..<box.end, less: excluded) {
                try file.stream(range) { hasher.update($0) }
            }
        }
        return hasher.finalize() == hash
    }

    private func applies(_ exclusion: Exclusion, to box: BMFFBox, in file: BMFFFile) throws(ProvenanceError) -> Bool {
        guard exclusion.type == box.type else { return false }
        if let length = exclusion.length, length != box.size { return false }
        for condition in exclusion.data {
            guard condition.offset + UInt64(condition.value.count) <= box.size else { return false }
            guard try file.read(at: box.offset + condition.offset, count: condition.value.count) == condition.value else { return false }
        }
        if exclusion.version != nil || exclusion.flags != nil {
            guard box.payloadSize >= 4 else { return false }
            let head = try file.read(at: box.payloadOffset, count: 4)
            if let version = exclusion.version, head[head.startIndex] != version { return false }
            if let flags = exclusion.flags, flags.count == 3 {
                let actual = head.dropFirst()
                let masked = zip(actual, flags).map { $0 & $1 }
                if exclusion.exact ? !actual.elementsEqual(flags) : !masked.elementsEqual(flags) { return false }
            }
        }
        return true
    }

    /// `range` without the `excluded` parts, in order.
    static func remainder(of range: Range<UInt64>, less excluded: [Range<UInt64>]) -> [Range<UInt64>] {
        var pieces: [Range<UInt64>] = []
        var start = range.lowerBound
        for cut in excluded.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if cut.lowerBound > start { pieces.append(start..<min(cut.lowerBound, range.upperBound)) }
            start = max(start, cut.upperBound)
        }
        if start < range.upperBound { pieces.append(start..<range.upperBound) }
        return pieces
    }
}
