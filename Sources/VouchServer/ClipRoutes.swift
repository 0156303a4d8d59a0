import Foundation
import Hummingbird
import VouchIdentity
import VouchPipeline
import VouchStore

/// The platform API's clip routes: upload, and status.
struct ClipRoutes: Sendable {
    let store: Store
    let spool: Spool
    let platforms: PlatformAuthenticator
    let verifier: AttestationVerifier
    let maxUploadBytes: Int64

    func register(on router: Router<some RequestContext>) {
        router.post("/v1/clips") { request, context in try await upload(request, context: context) }
        router.get("/v1/clips/{id}") { request, context in try await status(request, context: context) }
    }

    /// `POST /v1/clips?product=ID`: the body is the clip's bytes, streamed to the spool.
    func upload(_ request: Request, context: some RequestContext) async throws -> Response {
        let platform = try platforms.platform(for: request)
        let parameters = try UploadParameters(request)
        if let length = request.headers[.contentLength].flatMap(Int64.init), length > maxUploadBytes {
            throw Self.tooLarge(maxUploadBytes)
        }
        let upload = try await receive(request.body)
        do {
            if let existing = try await store.clip(idempotencyKey: parameters.idempotencyKey, platform: platform.registration.id) {
                guard existing.contentSHA256 == upload.sha256 else {
                    throw StoreError.idempotencyConflict(key: parameters.idempotencyKey ?? "", existingClip: existing.id)
                }
                await discardIfUnused(upload)
                return try await respond(existing, created: false, context: context)
            }
            let attestation = try await verify(parameters, platform: platform, upload: upload)
            let receipt = try await store.submit(ClipSubmission(
                platformID: platform.registration.id, reviewerAccount: attestation.sub?.value ?? "",
                reviewerHandle: attestation.handle, accountCreatedAt: attestation.accountCreated,
                reviewerPublicKey: attestation.reviewerKey, productID: parameters.product, productName: parameters.productName,
                idempotencyKey: parameters.idempotencyKey, contentSHA256: upload.sha256, byteCount: upload.byteCount,
                attestationID: attestation.jti?.value ?? "", verifiedPurchase: attestation.verifiedPurchase ?? false,
                reviewerSignature: parameters.reviewerSignature, spoolPath: upload.path
            ))
            return try await respond(receipt.clip, created: receipt.created, context: context)
        } catch let error as StoreError {
            await discardIfUnused(upload)
            if case .idempotencyConflict = error {
                throw Problem(.conflict, "idempotency-conflict", title: "Idempotency-Key reused", detail: error.description)
            }
            throw error
        } catch {
            await discardIfUnused(upload)
            throw error
        }
    }

    /// `GET /v1/clips/{id}`: a platform sees only its own clips; others' are "not found".
    func status(_ request: Request, context: some RequestContext) async throws -> Response {
        let platform = try platforms.platform(for: request)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem.notFound("clip ids are numbers") }
        guard let clip = try await store.clip(id: id), clip.platformID == platform.registration.id else {
            throw Problem.notFound("clip \(id) does not exist for this platform")
        }
        return try await respond(clip, created: false, context: context)
    }

    private func receive(_ body: RequestBody) async throws -> SpooledUpload {
        let writer: SpoolWriter
        do {
            writer = try spool.begin(limit: maxUploadBytes)
        } catch {
            throw Problem(.serviceUnavailable, "spool-unavailable", title: "Cannot accept uploads", detail: error.description)
        }
        do {
            for try await buffer in body {
                try writer.write(buffer.readableBytesView)
            }
            return try writer.finish()
        } catch let error as SpoolError {
            switch error {
            case .tooLarge(let limit): throw Self.tooLarge(limit)
            case .empty: throw Problem.badRequest("the request body is empty: send the clip's bytes as the body")
            case .unwritable: throw Problem(.serviceUnavailable, "spool-unavailable", title: "Cannot accept uploads", detail: error.description)
            }
        } catch {
            writer.discard()
            throw error
        }
    }

    private func verify(_ parameters: UploadParameters, platform: PlatformAccess, upload: SpooledUpload) async throws -> ReviewerAttestation {
        let attestation: ReviewerAttestation
        do {
            attestation = try await verifier.verify(parameters.attestation, from: platform.trust, clipSHA256: upload.sha256)
        } catch {
            throw Problem(.unprocessableContent, "attestation-rejected", title: "The attestation was rejected", detail: error.description)
        }
        if let signature = parameters.reviewerSignature {
            try Self.checkReviewerSignature(signature, attestation: attestation, statement: ReviewStatementInput(
                clipSHA256: upload.sha256, productID: parameters.product, platformID: platform.registration.id))
        }
        return attestation
    }

    private static func checkReviewerSignature(_ signature: String, attestation: ReviewerAttestation, statement input: ReviewStatementInput) throws {
        let rejected = { (detail: String) in Problem(.unprocessableContent, "reviewer-signature-rejected", title: "The reviewer's signature was rejected", detail: detail) }
        guard let keyText = attestation.reviewerKey else { throw rejected("a reviewer signature needs the attestation's reviewer_key claim") }
        guard let key = try? ReviewerKey(base64URL: keyText) else { throw rejected("the attested reviewer key is not an Ed25519 public key") }
        guard let bytes = Data(base64URLEncoded: signature) else { throw rejected("Vouch-Reviewer-Signature must be base64url") }
        guard let statement = try? ReviewStatement(clipSHA256: input.clipSHA256, productID: input.productID, platformID: input.platformID),
              key.hasSigned(statement, signature: bytes)
        else { throw rejected("the signature does not verify over (clip SHA-256, product, platform) with the attested key") }
    }

    private func respond(_ clip: ClipRecord, created: Bool, context: some RequestContext) async throws -> Response {
        let body = ClipStatusBody(clip, flags: try await store.flags(clip: clip.id))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.location] = "/v1/clips/\(clip.id)"
        return Response(status: created ? .accepted : .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(data: try encoder.encode(body))))
    }

    private func discardIfUnused(_ upload: SpooledUpload) async {
        guard (try? await store.isSpoolPathPending(upload.path, besides: 0)) == false else { return }
        spool.remove(upload.path)
    }

    private static func tooLarge(_ limit: Int64) -> Problem {
        Problem(.contentTooLarge, "upload-too-large", title: "The clip is too large", detail: "uploads are limited to \(limit) bytes")
    }
}

/// What identifies the review a reviewer signs.
private struct ReviewStatementInput {
    var clipSHA256: String
    var productID: String
    var platformID: String
}

/// The upload's query parameters and headers, checked.
struct UploadParameters {
    var product: String
    var productName: String?
    var attestation: String
    var reviewerSignature: String?
    var idempotencyKey: String?

    init(_ request: Request) throws(Problem) {
        let query = request.uri.queryParameters
        guard let product = query["product"].map(String.init), !product.isEmpty, product.count <= 200 else {
            throw .badRequest("name the product: POST /v1/clips?product=<product id> (1–200 characters)")
        }
        guard let attestation = request.headers[.vouchAttestation], !attestation.isEmpty else {
            throw .badRequest("send the platform's attestation JWT in the Vouch-Attestation header")
        }
        let key = request.headers[.idempotencyKey]
        if let key, key.isEmpty || key.count > 200 { throw .badRequest("Idempotency-Key must be 1–200 characters") }
        self.product = product
        productName = query["product_name"].map(String.init)
        self.attestation = attestation
        reviewerSignature = request.headers[.vouchReviewerSignature]
        idempotencyKey = key
    }
}
