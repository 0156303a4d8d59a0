import Foundation
import VouchFingerprint

/// Ranks clips by how many query frames hit them along one time line.
///
/// A copy's hits line up: `reference = speed × query + offset` for one speed and
/// offset, at one symmetry; chance hits scatter. For each speed of the matcher's
/// grid, hits vote for the offset bin they imply (and its neighbour, so a line on a
/// bin's edge is not split), each query frame once. This is the matcher's first
/// step, on hashes and times alone, which is all the index keeps in memory.
struct TemporalVote {
    let settings: IndexSettings
    /// Speeds 2^(k/18) from the slowest to the fastest: the matcher's grid.
    private let speedGrid: [Double]

    init(settings: IndexSettings) {
        self.settings = settings
        let steps = 18.0
        let low = Int((log2(settings.matching.slowestSpeed) * steps).rounded(.up))
        let high = Int((log2(settings.matching.fastestSpeed) * steps).rounded(.down))
        speedGrid = low <= high ? (low...high).map { pow(2, Double($0) / steps) } : [1]
    }

    func candidates(from hits: [FrameHit]) -> [ClipCandidate] {
        let bySlot = hits.sorted { $0.slot < $1.slot }
        var candidates: [ClipCandidate] = []
        var start = bySlot.startIndex
        while start < bySlot.endIndex {
            let slot = bySlot[start].slot
            let end = bySlot[start...].firstIndex { $0.slot != slot } ?? bySlot.endIndex
            if let candidate = bestLine(through: bySlot[start..<end]), candidate.votes >= settings.minimumVotes {
                candidates.append(candidate)
            }
            start = end
        }
        return Array(candidates.sorted { $0.ranks(before: $1) }.prefix(settings.candidateLimit))
    }

    private struct Ballot: Comparable {
        var bin: Int
        var frame: Int32
        var distance: Int
        var offset: Double

        static func < (lhs: Ballot, rhs: Ballot) -> Bool {
            (lhs.bin, lhs.frame, lhs.distance) < (rhs.bin, rhs.frame, rhs.distance)
        }
    }

    private func bestLine(through hits: ArraySlice<FrameHit>) -> ClipCandidate? {
        guard Set(hits.map(\.queryFrame)).count >= settings.minimumVotes, let first = hits.first else { return nil }
        let width = settings.matching.alignmentTolerance
        var best: (line: ClipCandidate, spread: Double)?
        var ballots: [Ballot] = []
        for symmetry in Dihedral.allCases where hits.contains(where: { $0.symmetry == symmetry }) {
            for speed in speedGrid {
                ballots.removeAll(keepingCapacity: true)
                for hit in hits where hit.symmetry == symmetry {
                    let offset = hit.referenceTime - speed * hit.queryTime
                    let bin = Int((offset / width).rounded(.down))
                    ballots.append(Ballot(bin: bin, frame: hit.queryFrame, distance: hit.distance, offset: offset))
                    ballots.append(Ballot(bin: bin + 1, frame: hit.queryFrame, distance: hit.distance, offset: offset))
                }
                ballots.sort()
                var index = 0
                while index < ballots.count {
                    let bin = ballots[index].bin
                    var votes = 0
                    var distances = 0
                    var offsets = 0.0
                    var squares = 0.0
                    var previousFrame: Int32 = -1
                    while index < ballots.count, ballots[index].bin == bin {
                        if ballots[index].frame != previousFrame {
                            votes += 1
                            distances += ballots[index].distance
                            offsets += ballots[index].offset
                            squares += ballots[index].offset * ballots[index].offset
                            previousFrame = ballots[index].frame
                        }
                        index += 1
                    }
                    let mean = offsets / Double(votes)
                    let line = ClipCandidate(
                        clipID: first.clipID, votes: votes, meanDistance: Double(distances) / Double(votes),
                        speed: speed, offset: mean, symmetry: symmetry
                    )
                    let spread = squares / Double(votes) - mean * mean
                    if best.map({ Self.isBetter((line, spread), than: $0) }) ?? true { best = (line, spread) }
                }
            }
        }
        return best?.line
    }

    /// Within one clip: more votes, then closer frames, then the offsets that spread
    /// least, since a line at the true speed and one a grid step off often gather
    /// the same frames.
    private static func isBetter(_ line: (line: ClipCandidate, spread: Double), than other: (line: ClipCandidate, spread: Double)) -> Bool {
        (other.line.votes, line.line.meanDistance, line.spread) < (line.line.votes, other.line.meanDistance, other.spread)
    }
}
