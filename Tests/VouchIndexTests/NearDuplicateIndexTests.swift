import Testing
import VouchFingerprint
@testable import VouchIndex

@Suite struct NearDuplicateIndexTests {
    static func closeCopy(of reference: VideoFingerprint, seed: UInt64 = 99) -> VideoFingerprint {
        GeneratedClips.copy(of: reference, from: 3, seconds: 8, seed: seed) { $0 % 9 }
    }

    static func loaded(_ count: Int) throws -> NearDuplicateIndex {
        try NearDuplicateIndex(loading: (0..<count).lazy.map { (clipID: Int64(1000 + $0), fingerprint: GeneratedClips.reference(seed: UInt64($0) + 1)) })
    }

    @Test func bulkLoadFindsEachCopyFirst() async throws {
        let index = try Self.loaded(100)
        #expect(await index.snapshot.clipCount == 100)
        #expect(await index.snapshot.hashCount == 100 * 30)
        for seed in [UInt64(1), 40, 100] {
            let candidates = await index.candidates(for: Self.closeCopy(of: GeneratedClips.reference(seed: seed)))
            #expect(candidates.first?.clipID == 1000 + Int64(seed) - 1)
        }
    }

    @Test func anUnrelatedQueryHasNoCandidates() async throws {
        let index = try Self.loaded(100)
        #expect(await index.candidates(for: GeneratedClips.reference(seed: 5000)).isEmpty)
    }

    @Test func rejectsAClipIndexedTwice() async throws {
        let reference = GeneratedClips.reference(seed: 1)
        let twice: [(clipID: Int64, fingerprint: VideoFingerprint)] = [(7, reference), (7, reference)]
        #expect(throws: IndexError.clipAlreadyIndexed(clipID: 7)) {
            try NearDuplicateIndex(loading: twice)
        }
        let index = try Self.loaded(3)
        await #expect(throws: IndexError.clipAlreadyIndexed(clipID: 1001)) {
            try await index.insert(clipID: 1001, fingerprint: reference)
        }
    }

    @Test func rejectsFramesPastTheLatestStoredTime() async throws {
        let late = VideoFingerprint(framesPerSecond: 2, sourceFrameRate: 30, duration: 7000, frames: [
            FrameHash(timestamp: 6999, quality: 100, pdq: .zero),
        ])
        await #expect(throws: IndexError.frameTooLate(clipID: 3, timestamp: 6999)) {
            try await NearDuplicateIndex().insert(clipID: 3, fingerprint: late)
        }
    }

    @Test func anInsertIsFoundByTheNextQuery() async throws {
        let index = try Self.loaded(50)
        let reference = GeneratedClips.reference(seed: 777)
        let query = Self.closeCopy(of: reference)
        #expect(await index.candidates(for: query).isEmpty)
        try await index.insert(clipID: 42, fingerprint: reference)
        let candidate = try #require(await index.candidates(for: query).first)
        #expect(candidate.clipID == 42)
        #expect(abs(candidate.offset - 3) <= 0.3)
        #expect(candidate.speed == 1)
    }

    @Test func aRemovedClipIsNotFoundAndItsIdCanBeReused() async throws {
        let index = try Self.loaded(50)
        let query = Self.closeCopy(of: GeneratedClips.reference(seed: 10))
        #expect(await index.candidates(for: query).first?.clipID == 1009)
        #expect(await index.remove(clipID: 1009))
        #expect(await !index.remove(clipID: 1009))
        #expect(await index.candidates(for: query).isEmpty)
        #expect(await index.snapshot.clipCount == 49)
        try await index.insert(clipID: 1009, fingerprint: GeneratedClips.reference(seed: 10))
        #expect(await index.candidates(for: query).first?.clipID == 1009)
    }

    @Test func mergesKeepEveryClipAndDropRemovedRows() async throws {
        let index = NearDuplicateIndex()
        // Each insert waits for the merges it starts, so the segments are the same in every
        // run: [16, 16, 4, 4] clips after 40, and the eight inserts after the removals merge
        // the last four 4-clip segments, half of whose clips are removed.
        func insert(_ seeds: ClosedRange<Int>) async throws {
            for seed in seeds {
                try await index.insert(clipID: Int64(seed), fingerprint: GeneratedClips.reference(seed: UInt64(seed)))
                await index.mergesFinished()
            }
        }
        try await insert(1...40)
        for seed in stride(from: 2, through: 40, by: 2) { await index.remove(clipID: Int64(seed)) }
        try await insert(41...48)
        let snapshot = await index.snapshot
        #expect(snapshot.segments.count < 48)
        #expect(snapshot.hashCount < 48 * 30, "some removed rows should be gone after merging")
        for seed in 1...48 {
            let found = await index.candidates(for: Self.closeCopy(of: GeneratedClips.reference(seed: UInt64(seed)))).first?.clipID
            #expect(found == (seed <= 40 && seed % 2 == 0 ? nil : Int64(seed)))
        }
    }

    @Test func queriesRunWhileClipsAreInserted() async throws {
        let index = try Self.loaded(30)
        let steady = Self.closeCopy(of: GeneratedClips.reference(seed: 3))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for seed in UInt64(2000)..<2060 {
                    let reference = GeneratedClips.reference(seed: seed)
                    try await index.insert(clipID: Int64(seed), fingerprint: reference)
                    let found = await index.candidates(for: Self.closeCopy(of: reference, seed: seed)).first?.clipID
                    #expect(found == Int64(seed), "an insert must be visible to the next query")
                }
            }
            for _ in 0..<2 {
                group.addTask {
                    for _ in 0..<60 {
                        #expect(await index.candidates(for: steady).first?.clipID == 1002)
                    }
                }
            }
            try await group.waitForAll()
        }
        await index.mergesFinished()
        #expect(await index.snapshot.clipCount == 90)
    }
}
