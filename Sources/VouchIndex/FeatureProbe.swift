import VouchFingerprint

/// One local feature a query looks up, as shown or mirrored.
///
/// Stored features are upright; a query brings each of its own twice, so a
/// mirrored copy finds its original as PDQ's dihedral variants let it.
struct FeatureProbe: Sendable {
    var hash: UInt64
    var frame: Int32
    var time: Double
    var symmetry: Dihedral

    /// A feature hit's distance on PDQ's scale (63 bits against 256), so that
    /// the vote ranks feature hits and hash hits alike.
    static let distanceScale = 4

    static func probes(for query: VideoFingerprint, minimumQuality: Int) -> [FeatureProbe] {
        var probes: [FeatureProbe] = []
        for (index, frame) in query.frames.enumerated() where frame.quality >= minimumQuality {
            for feature in frame.features {
                probes.append(FeatureProbe(hash: feature.hash, frame: Int32(index), time: frame.timestamp, symmetry: .identity))
                probes.append(FeatureProbe(hash: feature.mirrored, frame: Int32(index), time: frame.timestamp, symmetry: .mirror))
            }
        }
        return probes
    }
}
