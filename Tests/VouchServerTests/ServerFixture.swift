import Foundation
import Hummingbird
import Logging
import VouchFingerprint
import VouchIdentity
import VouchIndex
import VouchMedia
import VouchPipeline
import VouchServer
import VouchStore
import VouchTestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The server on a free port in this process, over a fresh SQLite store, with two platforms.
struct ServerFixture {
    let baseURL: URL
    let shop: TestPlatform
    let social: TestPlatform
    let pipeline: Pipeline
    /// The server under test, for what a test reads from it directly (its routes).
    let service: VouchServer
    let task: Task<Void, any Error>
    let directory: URL

    static func make(maxUploadBytes: Int64 = 1 << 20, moderation: ModerationSettings = ModerationSettings(), store: StoreLocation? = nil,
                     provenance: ProvenanceSettings = ProvenanceSettings(),
                     adjust: (inout ServerSettings, inout PipelineSettings) -> Void = { _, _ in }) async throws -> ServerFixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-server-\(UUID())")
        let shop = try await TestPlatform(id: "shop")
        let social = try await TestPlatform(id: "social")
        var settings = ServerSettings()
        var pipelineSettings = PipelineSettings()
        adjust(&settings, &pipelineSettings)
        let configuration = PipelineConfiguration(pipeline: pipelineSettings, media: MediaSettings(), fingerprint: FingerprintSettings(),
                                                  index: IndexSettings(), scoring: ScoringModel(), provenance: provenance)
        let pipeline = try await Pipeline.start(location: store ?? .sqlite(path: directory.appendingPathComponent("vouch.sqlite").path),
                                                spool: Spool(directory: directory.appendingPathComponent("spool")),
                                                settings: configuration, logger: Logger(label: "test"))
        settings.port = 0
        settings.maxUploadBytes = maxUploadBytes
        let server = try await VouchServer(pipeline: pipeline, settings: settings,
                                           identity: IdentitySettings(platforms: [shop.registration, social.registration]),
                                           moderation: moderation, settingsDirectory: directory)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var quiet = Logger(label: "test")
        quiet.logLevel = .critical
        let application = server.application(logger: quiet) { continuation.yield($0) }
        let task = Task { try await application.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return ServerFixture(baseURL: URL(string: "http://127.0.0.1:\(port)")!, shop: shop, social: social, pipeline: pipeline, service: server,
                             task: task, directory: directory)
    }

    func tearDown() async {
        task.cancel()
        _ = try? await task.value
        try? await pipeline.store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Sends a request and returns the status, the content type, the body, and the body as JSON.
    func send(_ path: String, method: String = "GET", headers: [String: String] = [:], body: Data? = nil) async throws -> Answer {
        var request = URLRequest(url: URL(string: path, relativeTo: baseURL)!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = if let body { try await URLSession.shared.upload(for: request, from: body) } else { try await URLSession.shared.data(for: request) }
        let http = response as! HTTPURLResponse
        return Answer(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "",
                      json: (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:], body: data, response: http)
    }

    /// Uploads `clip` as `platform`'s, with a fresh attestation unless one is given.
    func upload(_ clip: Data, as platform: TestPlatform, product: String = "sku-1", attestation: String? = nil,
                idempotencyKey: String? = nil, apiKey: String? = nil, reviewerSignature: String? = nil) async throws -> Answer {
        var headers = ["Authorization": "Bearer \(apiKey ?? platform.apiKey)", "Content-Type": "video/mp4"]
        if let attestation {
            headers["Vouch-Attestation"] = attestation
        } else {
            headers["Vouch-Attestation"] = try await platform.attestation(clipSHA256: ClipDigest.sha256Hex(of: clip), reviewer: "alice")
        }
        headers["Idempotency-Key"] = idempotencyKey
        headers["Vouch-Reviewer-Signature"] = reviewerSignature
        return try await send("/v1/clips?product=\(product)", method: "POST", headers: headers, body: clip)
    }

    struct Answer {
        var status: Int
        var contentType: String
        var json: [String: Any]
        var body: Data
        var response: HTTPURLResponse

        var isProblem: Bool { contentType.hasPrefix("application/problem+json") && json["status"] as? Int == status && json["detail"] is String }
    }
}

func withServer(maxUploadBytes: Int64 = 1 << 20, adjust: (inout ServerSettings, inout PipelineSettings) -> Void = { _, _ in },
                _ body: (ServerFixture) async throws -> Void) async throws {
    try await withFixture({ try await ServerFixture.make(maxUploadBytes: maxUploadBytes, adjust: adjust) }, tearDown: { await $0.tearDown() }, body)
}
