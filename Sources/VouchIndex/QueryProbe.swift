import VouchFingerprint

/// One hash a query looks up: a query frame seen under one symmetry or view.
///
/// The query carries the dihedral variants, not the index: each usable frame is
/// looked up under its eight symmetries, and as its whole frame and its insets,
/// against references stored once. A mirrored copy finds its original this way,
/// and the index keeps a quarter of the bytes it would need for stored variants.
struct QueryProbe: Sendable {
    var hash: HashWords
    var frame: Int32
    var time: Double
    var symmetry: Dihedral

    static func probes(for query: VideoFingerprint, minimumQuality: Int) -> [QueryProbe] {
        var probes: [QueryProbe] = []
        for (index, frame) in query.frames.enumerated() where frame.quality >= minimumQuality {
            func add(_ hash: PDQHash, _ symmetry: Dihedral) {
                probes.append(QueryProbe(hash: hash.packed, frame: Int32(index), time: frame.timestamp, symmetry: symmetry))
            }
            for symmetry in Dihedral.allCases {
                if let hash = frame.hash(under: symmetry) { add(hash, symmetry) }
            }
            if let full = frame.fullFrame { add(full, .identity) }
            for inset in frame.insets { add(inset, .identity) }
        }
        return probes
    }
}
