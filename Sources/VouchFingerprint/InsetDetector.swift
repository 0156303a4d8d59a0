/// Finds pictures inside the picture: a copy shown picture-in-picture, one
/// half of a side-by-side layout, or one tile of a collage.
///
/// Every frame has an edge along an inset's border while the picture's own edges
/// move, so the border stands out as a straight line of persistent ridges, or,
/// beside a restless picture, as where still pixels meet moving ones.
/// Rectangles are assembled from the strongest ridge lines (and the frame's own
/// edges) and ranked by how fully their borders are ridged, then by how many of
/// their edges lie inside the frame. They are found to the pixel, which PDQ
/// needs: a 2% misframing already changes a third of its bits.
enum InsetDetector {
    /// Insets smaller than this fraction of the frame are not looked for: a
    /// collage's quarter tile and a reaction layout's corner are larger, and so
    /// is the picture inside a tile letterboxed for a 2.35:1 film (0.19), whose
    /// bars' edges divide the tile.
    static let smallestArea = 0.18
    static let largestArea = 0.9
    static let maximumInsets = 4
    /// The share of each inner edge that must be ridged; a line ridged as much
    /// inside a rectangle divides it into two pictures.
    static let edgeSupport = 0.45

    /// Inset rectangles as fractions of the given frames, best first.
    static func insets(in frames: [LumaImage]) -> [ContentBox] {
        guard let first = frames.first, first.width >= 32, first.height >= 32, frames.count >= 2 else { return [] }
        // Lines dividing a rectangle into two pictures are luma ridges; its own
        // borders may also be where a still picture meets a restless one.
        let dividers = RidgeMap(frames)
        let ridges = dividers.addingStillBorders(of: frames)
        let columns = [0] + ridges.strongestLines(vertical: true) + [first.width]
        let rows = [0] + ridges.strongestLines(vertical: false) + [first.height]
        var candidates: [(box: ContentBox, support: Double, innerEdges: Int, area: Double)] = []
        for (i, left) in columns.enumerated() {
            for right in columns[(i + 1)...] {
                for (j, top) in rows.enumerated() {
                    for bottom in rows[(j + 1)...] {
                        let area = Double((right - left) * (bottom - top)) / Double(first.width * first.height)
                        guard area >= smallestArea, area <= largestArea,
                              right - left >= first.width / 3, bottom - top >= first.height / 3 else { continue }
                        let (support, innerEdges) = ridges.support(left: left, top: top, right: right, bottom: bottom)
                        guard support >= edgeSupport,
                              !dividers.isDivided(left: left, top: top, right: right, bottom: bottom, columns: columns, rows: rows, support: edgeSupport)
                        else { continue }
                        let box = ContentBox(
                            left: Double(left) / Double(first.width), top: Double(top) / Double(first.height),
                            right: Double(right) / Double(first.width), bottom: Double(bottom) / Double(first.height)
                        )
                        candidates.append((box, (support * 20).rounded() / 20, innerEdges, area))
                    }
                }
            }
        }
        candidates.sort { ($0.support, $0.innerEdges, $0.area) > ($1.support, $1.innerEdges, $1.area) }
        var chosen: [ContentBox] = []
        for candidate in candidates where chosen.count < maximumInsets {
            if chosen.allSatisfy({ $0.overlap(with: candidate.box) < 0.8 }) { chosen.append(candidate.box) }
        }
        return chosen
    }
}

extension ContentBox {
    /// Intersection over union.
    func overlap(with other: ContentBox) -> Double {
        let width = max(0, min(right, other.right) - max(left, other.left))
        let height = max(0, min(bottom, other.bottom) - max(top, other.top))
        let intersection = width * height
        return intersection / (area + other.area - intersection)
    }
}
