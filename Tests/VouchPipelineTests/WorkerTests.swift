import Foundation
import Testing
import VouchMedia
import VouchPipeline
import VouchStore
import VouchTestSupport

@Suite struct WorkerTests {
    @Test(arguments: TestEngine.available)
    func aClipIsAnalysedScoredAndPublished(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            let clip = try await fixture.submit(try MediaFixture.clip.path, reviewer: "alice")
            #expect(try await fixture.worker().processNext())
            let done = try #require(try await fixture.pipeline.store.clip(id: clip.id))
            #expect(done.status == .published)
            #expect(done.verdict == .original)
            #expect((done.score ?? 0) > 0)
            #expect(done.probe?.contains("\"codec\"") == true || done.probe?.contains("h264") == true)
            #expect(try await fixture.pipeline.store.fingerprint(clip: clip.id) != nil)
            let thumbnails = try await fixture.pipeline.store.thumbnails(clip: clip.id)
            #expect(!thumbnails.isEmpty && thumbnails.allSatisfy { $0.jpeg.prefix(2) == Data([0xFF, 0xD8]) })
            #expect(!FileManager.default.fileExists(atPath: clip.spoolPath ?? ""), "the upload is deleted once processed")
            #expect(try await fixture.pipeline.store.clip(id: clip.id)?.spoolPath == nil)
            #expect(try await fixture.worker().processNext() == false)
        }
    }

    @Test(arguments: TestEngine.available)
    func aMirroredCopyByAnotherReviewerIsFlagged(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            let original = try await fixture.submit(try MediaFixture.clip.path, reviewer: "alice")
            let unrelated = try await fixture.submit(try MediaFixture.unrelatedClip.path, reviewer: "carol")
            let copy = try await fixture.submit(try MediaFixture.mirroredCopy.path, reviewer: "bob")
            for _ in 0..<3 { try await fixture.worker().processNext() }

            #expect(try await fixture.pipeline.store.clip(id: unrelated.id)?.status == .published)
            let flagged = try #require(try await fixture.pipeline.store.clip(id: copy.id))
            #expect(flagged.status == .flagged)
            #expect(flagged.verdict == .copy)
            let flags = try await fixture.pipeline.store.flags(clip: copy.id)
            #expect(flags.map(\.kind) == [.copyOfOtherIdentity])
            let matches = try await fixture.pipeline.store.matches(clip: copy.id)
            #expect(matches.map(\.matchedClipID) == [original.id])
            #expect(matches.first?.alignment.contains("\"segments\"") == true)
            let originalScore = try #require(try await fixture.pipeline.store.clip(id: original.id)?.score)
            #expect((flagged.score ?? 1) < originalScore)
        }
    }

    @Test(arguments: TestEngine.available)
    func aCroppedCopyOfTheSameProductsReviewIsFlagged(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            let original = try await fixture.submit(try MediaFixture.clip.path, reviewer: "alice")
            let cropped = try await fixture.submit(try MediaFixture.croppedCopy.path, reviewer: "mallory")
            for _ in 0..<2 { try await fixture.worker().processNext() }
            let flagged = try #require(try await fixture.pipeline.store.clip(id: cropped.id))
            #expect(flagged.verdict == .copy)
            #expect(try await fixture.pipeline.store.matches(clip: cropped.id).map(\.matchedClipID) == [original.id])
        }
    }

    @Test(arguments: TestEngine.available)
    func theSameReviewerReuploadingIsNotACopy(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            _ = try await fixture.submit(try MediaFixture.clip.path, reviewer: "alice")
            let again = try await fixture.submit(try MediaFixture.mirroredCopy.path, reviewer: "alice", product: "sku-2")
            for _ in 0..<2 { try await fixture.worker().processNext() }
            let clip = try #require(try await fixture.pipeline.store.clip(id: again.id))
            #expect(clip.status == .published)
            #expect(clip.verdict == .reUpload)
        }
    }

    @Test(arguments: TestEngine.available)
    func corruptMediaFailsWithTheMediaLayersReason(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            let clip = try await fixture.submit(try MediaFixture.truncated.path, reviewer: "alice")
            #expect(try await fixture.worker().processNext())
            let failed = try #require(try await fixture.pipeline.store.clip(id: clip.id))
            #expect(failed.status == .failed)
            #expect(failed.failure?.isEmpty == false)
            let spoolPath = try #require(clip.spoolPath)
            #expect(failed.failure?.contains(spoolPath) == false, "the platform is not shown the server's paths: \(failed.failure ?? "")")
            #expect(failed.failure?.contains(fixture.spoolDirectory.path) == false)
            #expect(try await fixture.pipeline.store.jobs(clip: clip.id).first?.state == .dead)
        }
    }
}

@Suite struct IsolationTests {
    @Test(arguments: TestEngine.available)
    func aCrashingDecoderFailsTheClipAndTheWorkerCarriesOn(_ engine: TestEngine) async throws {
        try await withPipeline(engine, adjust: { $0.analyzerCommand = ["/bin/sh", "-c", "kill -SEGV $$"] }) { fixture in
            let first = try await fixture.submit(try MediaFixture.clip.path, reviewer: "alice")
            let second = try await fixture.submit(try MediaFixture.unrelatedClip.path, reviewer: "bob")
            let worker = fixture.worker()
            #expect(try await worker.processNext())
            #expect(try await worker.processNext())
            for clip in [first, second] {
                let failed = try #require(try await fixture.pipeline.store.clip(id: clip.id))
                #expect(failed.status == .failed)
                #expect(failed.failure?.contains("crashed") == true)
                #expect(failed.failure?.contains("SIGSEGV") == true)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func aHangingDecoderIsKilledAtItsTimeLimit(_ engine: TestEngine) async throws {
        try await withPipeline(engine, adjust: {
            $0.analyzerCommand = ["/bin/sh", "-c", "exec sleep 60"]
            $0.child.wallSeconds = 1
        }) { fixture in
            let clip = try await fixture.submit(try MediaFixture.clip.path, reviewer: "alice")
            #expect(try await fixture.worker().processNext())
            let failed = try #require(try await fixture.pipeline.store.clip(id: clip.id))
            #expect(failed.status == .failed)
            #expect(failed.failure?.contains("did not finish within 1 s") == true)
        }
    }

    @Test(arguments: TestEngine.available)
    func aChildFloodingItsOutputIsStoppedAndTheWorkerCarriesOn(_ engine: TestEngine) async throws {
        try await withPipeline(engine, adjust: {
            $0.analyzerCommand = ["/bin/sh", "-c", "head -c 100000000 /dev/zero >&2; exec yes"]
            $0.child.maxAnswerBytes = 1 << 20
            $0.child.wallSeconds = 120
        }) { fixture in
            let first = try await fixture.submit(try MediaFixture.clip.path, reviewer: "alice")
            let second = try await fixture.submit(try MediaFixture.unrelatedClip.path, reviewer: "bob")
            let worker = fixture.worker()
            let started = ContinuousClock.now
            #expect(try await worker.processNext())
            #expect(try await worker.processNext())
            // Each child is stopped by the answer limit (the failures below say so), not by the
            // 120 s wall clock; two of them, flooding 100 MB each, take 15–30 s on a busy machine.
            #expect(ContinuousClock.now - started < .seconds(60), "stopped at the answer limit, long before the wall clock")
            for clip in [first, second] {
                let failed = try #require(try await fixture.pipeline.store.clip(id: clip.id))
                #expect(failed.status == .failed)
                #expect(failed.failure?.contains("wrote more than 1048576 bytes") == true)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func theChildsMemoryLimitStopsARunawayDecode(_ engine: TestEngine) async throws {
        var media = MediaSettings()
        media.limits.maxPixels = 7680 * 4320
        try await withPipeline(engine, media: media, adjust: { $0.child.memoryBytes = 110 << 20 }) { fixture in
            let small = try await fixture.submit(try MediaFixture.clip.path, reviewer: "alice")
            let large = try await fixture.submit(try MediaFixture.largeFrames.path, reviewer: "bob")
            let worker = fixture.worker()
            for _ in 0..<2 { try await worker.processNext() }
            #expect(try await fixture.pipeline.store.clip(id: small.id)?.status == .published, "a small clip needs about 70 MiB")
            let failed = try #require(try await fixture.pipeline.store.clip(id: large.id))
            #expect(failed.status == .failed, "decoding 8K frames needs more than 110 MiB")
        }
    }
}

@Suite struct IndexFollowerTests {
    @Test(arguments: TestEngine.available)
    func aClipIndexedByOneProcessIsMatchedByAnother(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            let other = try await IndexFollower.start(store: fixture.pipeline.store)
            let original = try await fixture.submit(try MediaFixture.clip.path, reviewer: "alice")
            try await fixture.worker().processNext()
            #expect(await other.index.contains(clipID: original.id) == false)
            try await other.catchUp()
            #expect(await other.index.contains(clipID: original.id))

            try await fixture.pipeline.store.removeFromIndex(clip: original.id, actor: "moderator:mo", reason: "stock footage")
            try await other.catchUp()
            #expect(await other.index.contains(clipID: original.id) == false)
        }
    }

    @Test(arguments: TestEngine.available)
    func startUpLoadsWhatIsAlreadyIndexed(_ engine: TestEngine) async throws {
        try await withPipeline(engine) { fixture in
            let original = try await fixture.submit(try MediaFixture.clip.path, reviewer: "alice")
            try await fixture.worker().processNext()
            let restarted = try await IndexFollower.start(store: fixture.pipeline.store)
            #expect(await restarted.index.contains(clipID: original.id))
        }
    }
}
