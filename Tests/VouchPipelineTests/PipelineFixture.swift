import Foundation
import Logging
import VouchFingerprint
import VouchIndex
import VouchMedia
import VouchPipeline
import VouchStore
import VouchTestSupport

/// A pipeline on a fresh database, with its spool in a temporary folder and the built
/// `vouch analyze` as its analysis child.
struct PipelineFixture {
    let pipeline: Pipeline
    let database: TestDatabase
    let spoolDirectory: URL

    static func make(_ engine: TestEngine, media: MediaSettings = MediaSettings(), adjust: (inout PipelineSettings) -> Void = { _ in }) async throws -> PipelineFixture {
        let database = try await engine.makeDatabase()
        let spoolDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-spool-\(UUID())")
        var settings = PipelineSettings()
        settings.analyzerCommand = [VouchExecutable.url.path, "analyze"]
        settings.keyframes = 2
        adjust(&settings)
        let configuration = PipelineConfiguration(pipeline: settings, media: media, fingerprint: FingerprintSettings(),
                                                  index: IndexSettings(), scoring: ScoringModel())
        let pipeline = try await Pipeline.start(location: database.location, spool: Spool(directory: spoolDirectory),
                                                settings: configuration, logger: Logger(label: "test"))
        try await pipeline.store.register(platform: "shop", name: "Shop")
        return PipelineFixture(pipeline: pipeline, database: database, spoolDirectory: spoolDirectory)
    }

    func tearDown() async {
        try? await pipeline.store.close()
        await database.drop()
        try? FileManager.default.removeItem(at: spoolDirectory)
    }

    /// Spools `file` and submits it as `reviewer`'s review of `product`.
    func submit(_ file: String, reviewer: String, product: String = "sku-1") async throws -> ClipRecord {
        try await submit(try Data(contentsOf: URL(fileURLWithPath: file)), reviewer: reviewer, product: product)
    }

    /// Spools `upload` and submits it as `reviewer`'s review of `product`.
    func submit(_ upload: Data, reviewer: String, product: String = "sku-1") async throws -> ClipRecord {
        let writer = try pipeline.spool.begin(limit: 1 << 30)
        try writer.write(upload)
        let spooled = try writer.finish()
        return try await pipeline.store.submit(ClipSubmission(
            platformID: "shop", reviewerAccount: reviewer, productID: product, contentSHA256: spooled.sha256,
            byteCount: spooled.byteCount, attestationID: UUID().uuidString, spoolPath: spooled.path
        )).clip
    }

    func worker(_ name: String = "w1") -> Worker {
        pipeline.worker(named: name)
    }
}

func withPipeline(_ engine: TestEngine, media: MediaSettings = MediaSettings(), adjust: (inout PipelineSettings) -> Void = { _ in },
                  _ body: (PipelineFixture) async throws -> Void) async throws {
    try await withFixture({ try await PipelineFixture.make(engine, media: media, adjust: adjust) }, tearDown: { await $0.tearDown() }, body)
}
