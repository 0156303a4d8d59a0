import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Logging
import VouchFingerprint
import VouchIdentity
import VouchIndex
import VouchMedia
import VouchPipeline
import VouchServer
import VouchStore
import VouchTestSupport

/// The server over a fresh SQLite store, with two platforms, and a client to call it.
///
/// Requests go through the router in process (HummingbirdTesting) unless a test needs
/// what only a socket gives: a peer address (rate limits by client, trusted proxies,
/// loopback-only metrics) or raw bytes on the wire.
struct ServerFixture {
    /// How requests reach the server.
    enum Transport {
        case inProcess
        case socket
    }

    let client: any TestClientProtocol
    let shop: TestPlatform
    let social: TestPlatform
    let pipeline: Pipeline
    /// The server under test, for what a test reads from it directly (its routes).
    let service: VouchServer
    /// Where the store and the spool are.
    let directory: URL

    /// The port the server listens on, with the socket transport.
    var port: Int? { client.port }

    /// Sends a request and returns the status, the content type, the body, and the body as JSON.
    func send(_ path: String, method: String = "GET", headers: [String: String] = [:], body: Data? = nil) async throws -> Answer {
        var fields = HTTPFields()
        for (name, value) in headers { fields[HTTPField.Name(name)!] = value }
        let response = try await client.execute(uri: path, method: HTTPRequest.Method(method)!, headers: fields,
                                                body: body.map { ByteBuffer(data: $0) })
        let data = Data(buffer: response.body)
        return Answer(status: Int(response.status.code), contentType: response.headers[.contentType] ?? "",
                      json: (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:], body: data, headers: response.headers)
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

    /// Submits a review as `platform`'s: `review` (the JSON part's exact bytes), the clip and
    /// optional captions, with an attestation of all of them unless one is given.
    func submitReview(_ review: Data, clip: Data, captions: Data? = nil, as platform: TestPlatform, reviewer: String = "alice",
                      attestation: String? = nil, idempotencyKey: String? = nil) async throws -> Answer {
        var form = MultipartBody()
        form.append("review", review, contentType: "application/json")
        form.append("clip", clip, filename: "review.mp4", contentType: "video/mp4")
        if let captions { form.append("captions", captions, filename: "captions.vtt", contentType: "text/vtt") }
        var token = attestation ?? ""
        if attestation == nil {
            token = try await platform.attestation(clipSHA256: ClipDigest.sha256Hex(of: clip), reviewer: reviewer,
                                                   reviewSHA256: ClipDigest.sha256Hex(of: review), captionsSHA256: captions.map(ClipDigest.sha256Hex(of:)))
        }
        var headers = ["Authorization": "Bearer \(platform.apiKey)", "Content-Type": form.contentType, "Vouch-Attestation": token]
        headers["Idempotency-Key"] = idempotencyKey
        return try await send("/v1/reviews", method: "POST", headers: headers, body: form.closed)
    }

    struct Answer {
        var status: Int
        var contentType: String
        var json: [String: Any]
        var body: Data
        var headers: HTTPFields

        /// The value of the header `name`, as one string.
        func header(_ name: String) -> String? { headers[HTTPField.Name(name)!] }

        var isProblem: Bool { contentType.hasPrefix("application/problem+json") && json["status"] as? Int == status && json["detail"] is String }
    }
}

/// Runs `body` against a fresh server, and removes its store afterwards.
func withServer(_ transport: ServerFixture.Transport = .inProcess, maxUploadBytes: Int64 = 1 << 20, moderation: ModerationSettings = ModerationSettings(),
                store: StoreLocation? = nil, provenance: ProvenanceSettings = ProvenanceSettings(),
                adjust: (inout ServerSettings, inout PipelineSettings) -> Void = { _, _ in },
                _ body: @Sendable (ServerFixture) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-server-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let shop = try await TestPlatform(id: "shop")
    let social = try await TestPlatform(id: "social")
    var settings = ServerSettings()
    var pipelineSettings = PipelineSettings()
    // HummingbirdTesting's live client holds one connection and does not reopen it: a
    // slow test on a loaded machine must not see it closed as idle under its feet. Tests
    // of idle connections set their own timeout.
    settings.idleTimeoutSeconds = 600
    adjust(&settings, &pipelineSettings)
    settings.port = 0
    settings.maxUploadBytes = maxUploadBytes
    let configuration = PipelineConfiguration(pipeline: pipelineSettings, media: MediaSettings(), fingerprint: FingerprintSettings(),
                                              index: IndexSettings(), scoring: ScoringModel(), provenance: provenance)
    let pipeline = try await Pipeline.start(location: store ?? .sqlite(path: directory.appendingPathComponent("vouch.sqlite").path),
                                            spool: Spool(directory: directory.appendingPathComponent("spool")),
                                            settings: configuration, logger: Logger(label: "test"))
    do {
        let server = try await VouchServer(pipeline: pipeline, settings: settings,
                                           identity: IdentitySettings(platforms: [shop.registration, social.registration]),
                                           moderation: moderation, settingsDirectory: directory)
        var quiet = Logger(label: "test")
        quiet.logLevel = .critical
        try await server.application(logger: quiet).test(transport == .socket ? .live : .router) { client in
            try await body(ServerFixture(client: client, shop: shop, social: social, pipeline: pipeline, service: server, directory: directory))
        }
    } catch {
        try? await pipeline.store.close()
        throw error
    }
    try await pipeline.store.close()
}
