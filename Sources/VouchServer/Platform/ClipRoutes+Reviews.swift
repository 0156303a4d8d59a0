import Crypto
import Hummingbird
import VouchEncoding
import VouchModel
import VouchPipeline
import VouchStore

extension ClipRoutes {
    /// The most a review's body may add to its clip: the review and captions parts and the
    /// multipart framing.
    static let formOverhead: Int64 = 512 * 1024

    /// `POST /v1/reviews`: a whole review as `multipart/form-data`, its `clip` part streamed
    /// to the spool while it arrives, its `review` and `captions` parts checked once whole.
    ///
    /// As for a bare clip, the API key, the headers, the declared length, the attestation's
    /// signature and claims and the quota are checked before any byte is read; the
    /// attestation must then name the SHA-256 of each part's exact bytes.
    func submitReview(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let platform = try context.requirePlatform()
        guard let boundary = FormDataHeaders.boundary(ofContentType: request.headers[.contentType]) else {
            throw Problem(.unsupportedMediaType, "not-multipart", title: "A review is multipart/form-data",
                          detail: "send Content-Type: multipart/form-data; boundary=… with the parts review (JSON), clip (the video) and optionally captions (WebVTT)")
        }
        let headers = try UploadParameters(headersOf: request, product: "", productName: nil)
        let declared = request.headers[.contentLength].flatMap(Int64.init)
        if let declared, declared > maxUploadBytes + Self.formOverhead { throw Self.tooLarge(maxUploadBytes) }
        let claims = try await attestation(headers.attestation, platform: platform)
        return try await quota.whileReserved(platform: platform.id, bytes: declared ?? maxUploadBytes) {
            let received = try await receiveForm(request.body, boundary: boundary)
            do {
                let content = try Self.content(of: received)
                var parameters = headers
                parameters.product = content.review.product
                parameters.productName = content.review.productName
                return try await accept(received.clip, content: content, claims: claims, parameters: parameters, platform: platform, context: context)
            } catch {
                spool.remove(received.clip.path)
                throw error
            }
        }
    }

    private func receiveForm(_ body: RequestBody, boundary: String) async throws -> ReviewForm.Received {
        let writer = try beginSpooling()
        let form = ReviewForm(boundary: boundary, clip: writer)
        var pace = UploadPace(minimumBytesPerSecond: minimumBytesPerSecond, gracePeriod: gracePeriod)
        do {
            for try await buffer in body {
                try form.feed(buffer)
                try pace.received(buffer.readableBytes)
            }
            return try form.finish()
        } catch let error as SpoolError {
            writer.discard()
            throw Self.problem(error)
        } catch {
            writer.discard()
            throw error
        }
    }

    /// The review's words and captions, parsed and checked, with the digests of their exact bytes.
    private static func content(of received: ReviewForm.Received) throws(Problem) -> SubmittedContent {
        let review = try ReviewDocument.content(of: received.review)
        let captions: Captions?
        do {
            captions = try received.captions.map { bytes throws(CaptionsError) in try Captions(webVTT: bytes) }
        } catch {
            throw Problem(.unprocessableContent, "invalid-captions", title: "The captions are invalid", detail: error.description, field: "captions")
        }
        return SubmittedContent(review: review, reviewSHA256: SHA256.hash(data: received.review).hexEncodedString, captions: captions,
                                captionsSHA256: received.captions.map { SHA256.hash(data: $0).hexEncodedString })
    }
}
