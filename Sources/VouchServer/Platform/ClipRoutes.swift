import Foundation
import Hummingbird
import VouchEncoding
import VouchIdentity
import VouchPipeline
import VouchStore

/// The platform API's clip routes: upload, and status.
struct ClipRoutes: Sendable {
    let store: Store
    let spool: Spool
    let verifier: AttestationVerifier
    let maxUploadBytes: Int64
    let quota: UploadQuota
    /// Uploads slower than this after their first `gracePeriod` are cut off.
    let minimumBytesPerSecond: Double
    let gracePeriod: Duration

    func register(on router: some RouterMethods<VouchRequestContext>) {
        router.post("/v1/reviews") { request, context in try await submitReview(request, context: context) }
        router.post("/v1/clips") { request, context in try await upload(request, context: context) }
        router.get("/v1/clips/{id}") { request, context in try await status(request, context: context) }
    }

    /// `POST /v1/clips?product=ID`: the body is the clip's bytes, streamed to the spool.
    ///
    /// Everything that needs no bytes is checked before the body is read: the API key, the
    /// parameters, the declared length, the attestation's signature and claims, and the
    /// platform's upload quota.
    func upload(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let platform = try context.requirePlatform()
        let parameters = try UploadParameters(request)
        let declared = request.headers[.contentLength].flatMap(Int64.init)
        if let declared, declared > maxUploadBytes { throw Self.tooLarge(maxUploadBytes) }
        let claims = try await attestation(parameters.attestation, platform: platform)
        return try await quota.whileReserved(platform: platform.id, bytes: declared ?? maxUploadBytes) {
            try await accept(try await receive(request.body), claims: claims, parameters: parameters, platform: platform, context: context)
        }
    }

    /// Records a received upload (and the review's words, when sent) as a clip, or answers
    /// for the clip its idempotency key already made; an upload no clip keeps is removed.
    func accept(_ upload: SpooledUpload, content: SubmittedContent? = nil, claims: ReviewerAttestation, parameters: UploadParameters,
                platform: PlatformAccess, context: VouchRequestContext) async throws -> Response {
        do {
            if let existing = try await store.clip(idempotencyKey: parameters.idempotencyKey, platform: platform.id) {
                guard existing.contentSHA256 == upload.sha256, existing.reviewSHA256 == content?.reviewSHA256 else {
                    throw StoreError.idempotencyConflict(key: parameters.idempotencyKey ?? "", existingClip: existing.id)
                }
                spool.remove(upload.path)
                return try await respond(existing, created: false, context: context)
            }
            let (attestation, provenKey) = try await verify(claims, parameters, platform: platform, upload: upload,
                                                            content: ContentDigests(review: content?.reviewSHA256, captions: content?.captionsSHA256))
            let receipt = try await store.submit(ClipSubmission(
                platformID: platform.id, reviewerAccount: attestation.sub?.value ?? "",
                reviewerHandle: attestation.handle, accountCreatedAt: attestation.accountCreated,
                provenReviewerKey: provenKey, productID: parameters.product, productName: parameters.productName,
                idempotencyKey: parameters.idempotencyKey, contentSHA256: upload.sha256, byteCount: upload.byteCount,
                attestationID: attestation.jti?.value ?? "",
                verifiedPurchase: attestation.verifiedPurchase ?? false || content?.review.disclosures.verifiedPurchase == true,
                reviewerSignature: parameters.reviewerSignature, spoolPath: upload.path, content: content
            ))
            if !receipt.created { spool.remove(upload.path) }
            return try await respond(receipt.clip, created: receipt.created, context: context)
        } catch let error as StoreError {
            spool.remove(upload.path)
            if case .idempotencyConflict = error {
                throw Problem(.conflict, "idempotency-conflict", title: "Idempotency-Key reused", detail: error.description)
            }
            throw error
        } catch {
            spool.remove(upload.path)
            throw error
        }
    }

    /// `GET /v1/clips/{id}`: a platform sees only its own clips; others' are "not found".
    func status(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let platform = try context.requirePlatform()
        guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem.notFound("clip ids are numbers") }
        guard let clip = try await store.clip(id: id), clip.platformID == platform.id else {
            throw Problem.notFound("clip \(id) does not exist for this platform")
        }
        return try await respond(clip, created: false, context: context)
    }

    private func receive(_ body: RequestBody) async throws -> SpooledUpload {
        let writer = try beginSpooling()
        var pace = UploadPace(minimumBytesPerSecond: minimumBytesPerSecond, gracePeriod: gracePeriod)
        do {
            for try await buffer in body {
                try writer.write(buffer.readableBytesView)
                try pace.received(buffer.readableBytes)
            }
            return try writer.finish()
        } catch let error as SpoolError {
            throw Self.problem(error)
        } catch {
            writer.discard()
            throw error
        }
    }

    /// A spool file for an upload's clip, at most `maxUploadBytes` long.
    func beginSpooling() throws(Problem) -> SpoolWriter {
        do {
            return try spool.begin(limit: maxUploadBytes)
        } catch {
            throw Problem(.serviceUnavailable, "spool-unavailable", title: "Cannot accept uploads", detail: error.description)
        }
    }

    static func problem(_ error: SpoolError) -> Problem {
        switch error {
        case .tooLarge(let limit): tooLarge(limit)
        case .empty: Problem.badRequest("the clip is empty: send the video's bytes")
        case .unwritable: Problem(.serviceUnavailable, "spool-unavailable", title: "Cannot accept uploads", detail: error.description)
        }
    }

    /// The attestation's claims, checked as far as they can be before the clip's bytes arrive.
    func attestation(_ token: String, platform: PlatformAccess) async throws -> ReviewerAttestation {
        do {
            return try await verifier.verifyBeforeUpload(token, from: platform.trust)
        } catch {
            throw Self.rejected(error)
        }
    }

    /// The attestation, once it is found to vouch for these bytes, and the reviewer key it
    /// names when the reviewer's own signature proves they hold it: only a proven key may
    /// link accounts or be stored.
    private func verify(_ attestation: ReviewerAttestation, _ parameters: UploadParameters, platform: PlatformAccess,
                        upload: SpooledUpload, content: ContentDigests) async throws -> (ReviewerAttestation, provenKey: String?) {
        // The reviewer's signature first: `accept` claims the jti, which a refusal should not burn.
        if let signature = parameters.reviewerSignature {
            try Self.checkReviewerSignature(signature, attestation: attestation, statement: ReviewStatementInput(
                clipSHA256: upload.sha256, productID: parameters.product, platformID: platform.id, account: attestation.sub?.value ?? ""))
        }
        do {
            try await verifier.accept(attestation, from: platform.trust, clipSHA256: upload.sha256, content: content)
        } catch {
            throw Self.rejected(error)
        }
        return (attestation, parameters.reviewerSignature == nil ? nil : attestation.reviewerKey)
    }

    private static func checkReviewerSignature(_ signature: String, attestation: ReviewerAttestation, statement input: ReviewStatementInput) throws {
        let rejected = { (detail: String) in Problem(.unprocessableContent, "reviewer-signature-rejected", title: "The reviewer's signature was rejected", detail: detail) }
        guard let keyText = attestation.reviewerKey else { throw rejected("a reviewer signature needs the attestation's reviewer_key claim") }
        guard let key = try? ReviewerKey(base64URL: keyText) else { throw rejected("the attested reviewer key is not an Ed25519 public key") }
        guard let bytes = Data(base64URLEncoded: signature) else { throw rejected("Vouch-Reviewer-Signature must be base64url") }
        guard let statement = try? ReviewStatement(clipSHA256: input.clipSHA256, productID: input.productID, platformID: input.platformID, account: input.account),
              key.hasSigned(statement, signature: bytes)
        else { throw rejected("the signature does not verify over (clip SHA-256, product, platform, account) with the attested key") }
    }

    private func respond(_ clip: ClipRecord, created: Bool, context: VouchRequestContext) async throws -> Response {
        let body = ClipStatusBody(clip, flags: try await store.flags(clip: clip.id))
        return try JSONAnswer.response(body, status: created ? .accepted : .ok, headers: [.location: "/v1/clips/\(clip.id)"])
    }

    private static func rejected(_ error: AttestationError) -> Problem {
        if case .replayCheckUnavailable = error { return .storeUnavailable }
        return Problem(.unprocessableContent, "attestation-rejected", title: "The attestation was rejected", detail: error.description)
    }

    static func tooLarge(_ limit: Int64) -> Problem {
        Problem(.contentTooLarge, "upload-too-large", title: "The clip is too large", detail: "uploads are limited to \(limit) bytes")
    }
}

/// What identifies the review a reviewer signs.
private struct ReviewStatementInput {
    var clipSHA256: String
    var productID: String
    var platformID: String
    var account: String
}

/// The upload's product and the headers every upload carries, checked.
struct UploadParameters {
    var product: String
    var productName: String?
    var attestation: String
    var reviewerSignature: String?
    var idempotencyKey: String?

    /// `POST /v1/clips?product=…&product_name=…`: the product is in the query.
    init(_ request: Request) throws(Problem) {
        let query = request.uri.queryParameters
        guard let product = query["product"].map(String.init), !product.isEmpty, product.unicodeScalars.count <= 200 else {
            throw .badRequest("name the product: POST /v1/clips?product=<product id> (1–200 characters)")
        }
        try self.init(headersOf: request, product: product, productName: query["product_name"].map(String.init))
    }

    /// A review: the product is in its `review` part, read after the headers.
    init(headersOf request: Request, product: String, productName: String?) throws(Problem) {
        guard let attestation = request.headers[.vouchAttestation], !attestation.isEmpty else {
            throw .badRequest("send the platform's attestation JWT in the Vouch-Attestation header")
        }
        let key = request.headers[.idempotencyKey]
        if let key, key.isEmpty || key.unicodeScalars.count > 200 { throw .badRequest("Idempotency-Key must be 1–200 characters") }
        self.product = product
        self.productName = productName
        self.attestation = attestation
        reviewerSignature = request.headers[.vouchReviewerSignature]
        idempotencyKey = key
    }
}
