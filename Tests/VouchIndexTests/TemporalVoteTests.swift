import Testing
import VouchFingerprint
@testable import VouchIndex

@Suite struct TemporalVoteTests {
    let vote = TemporalVote(settings: IndexSettings())

    static func hit(_ clipID: Int64, query: Double, reference: Double, distance: Int = 4, symmetry: Dihedral = .identity) -> FrameHit {
        FrameHit(slot: UInt32(clipID), clipID: clipID, queryFrame: Int32(query * 2), symmetry: symmetry,
                 queryTime: query, referenceTime: reference, distance: distance)
    }

    @Test(arguments: [0.5, 1.0, 1.25, 2.0])
    func recoversTheLineOfACopy(speed: Double) throws {
        let hits = stride(from: 0.0, to: 8, by: 0.5).map { Self.hit(1, query: $0, reference: (speed * $0 + 5 - 0.05).rounded(toTenths: ())) }
        let candidate = try #require(vote.candidates(from: hits).first)
        #expect(candidate.votes == 16)
        #expect(abs(candidate.speed - speed) / speed < 0.04, "found \(candidate.speed)")
        #expect(abs(candidate.offset - 5) < 0.3, "found \(candidate.offset)")
    }

    @Test func ranksTheClipWithMoreAlignedFramesFirst() {
        let long = stride(from: 0.0, to: 6, by: 0.5).map { Self.hit(1, query: $0, reference: $0 + 2) }
        let short = stride(from: 0.0, to: 3, by: 0.5).map { Self.hit(2, query: $0, reference: $0 + 9, distance: 1) }
        #expect(vote.candidates(from: short + long).map(\.clipID) == [1, 2])
    }

    @Test func scatteredHitsAreNotACandidate() {
        // Many hits on one clip, but each query frame points to a different time line.
        let scattered = (0..<12).map { Self.hit(3, query: Double($0) / 2, reference: Double(($0 * 7) % 12) * 1.7) }
        let candidate = vote.candidates(from: scattered).first
        #expect((candidate?.votes ?? 0) <= 3)
        let lone = [Self.hit(4, query: 1, reference: 1)]
        #expect(vote.candidates(from: lone).isEmpty, "one frame is below the minimum of \(vote.settings.minimumVotes) votes")
    }

    @Test func countsEachQueryFrameOnce() throws {
        // Every query frame hits three consecutive reference frames of a still scene.
        let hits = stride(from: 0.0, to: 4, by: 0.5).flatMap { time in
            [-0.5, 0, 0.5].map { Self.hit(5, query: time, reference: time + 10 + $0) }
        }
        #expect(try #require(vote.candidates(from: hits).first).votes == 8)
    }

    @Test func keepsTheSymmetryTheFramesAgreeOn() throws {
        let mirrored = stride(from: 0.0, to: 4, by: 0.5).map { Self.hit(6, query: $0, reference: $0, symmetry: .mirror) }
        let stray = [Self.hit(6, query: 0, reference: 7), Self.hit(6, query: 1, reference: 3)]
        #expect(try #require(vote.candidates(from: mirrored + stray).first).symmetry == .mirror)
    }
}

private extension Double {
    func rounded(toTenths: ()) -> Double { (self * 10).rounded() / 10 }
}
