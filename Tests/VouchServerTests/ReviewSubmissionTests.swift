import Foundation
import Testing
import VouchIdentity
import VouchLog
import VouchModel
import VouchTestSupport

@Suite struct ReviewSubmissionTests {
    static let clip = Data("not really a video, but the API only spools and hashes it".utf8)
    static let review = Data("""
        {"product":"sku-1","productName":"Trail shoe","rating":4,"title":"  Comfortable  ","text":"Good grip.\\nRuns small.",
         "language":"en","disclosures":{"verifiedPurchase":true,"incentive":"free-product","relationship":"none","source":"invited"}}
        """.utf8)
    static let captions = Data("WEBVTT\n\n00:00.000 --> 00:02.000\nGood grip.\n".utf8)

    @Test func aReviewIsAcceptedWithItsWordsAndShownToShoppersOncePublished() async throws {
        try await withServer { server in
            let accepted = try await server.submitReview(Self.review, clip: Self.clip, captions: Self.captions, as: server.shop)
            #expect(accepted.status == 202)
            let id = try #require(accepted.json["id"] as? Int)
            try await server.pipeline.store.finishNextJob(of: Int64(id), score: 0.8)

            let answer = try await server.send("/v1/products/sku-1/reviews")
            let review = try #require((answer.json["reviews"] as? [[String: Any]])?.first)
            #expect(review["rating"] as? Int == 4)
            #expect(review["title"] as? String == "Comfortable", "text is trimmed")
            #expect(review["text"] as? String == "Good grip.\nRuns small.")
            #expect(review["language"] as? String == "en")
            let disclosures = try #require(review["disclosures"] as? [String: Any])
            #expect(disclosures["incentive"] as? String == "free-product")
            #expect(review["labels"] as? [String] == ["Received the product free", "Invited to review", "Verified purchase"])
            let media = try #require(review["media"] as? [String: Any])
            let captionsPath = try #require(media["captions"] as? String)
            let served = try await server.send(captionsPath)
            #expect(served.status == 200 && served.contentType.hasPrefix("text/vtt"))
            #expect(String(decoding: served.body, as: UTF8.self).contains("Good grip."))

            let summary = try await server.send("/v1/products/sku-1/summary")
            #expect(summary.json["rated"] as? Int == 1)
            #expect(summary.json["averageRating"] as? Double == 4)
            #expect(summary.json["incentivised"] as? Int == 1)
        }
    }

    @Test func theLogEntryCommitsToTheWordsShown() async throws {
        try await withServer { server in
            let accepted = try await server.submitReview(Self.review, clip: Self.clip, as: server.shop)
            let id = try #require(accepted.json["id"] as? Int)
            try await server.pipeline.store.finishNextJob(of: Int64(id), score: 0.8)
            let shown = try #require((try await server.send("/v1/products/sku-1/reviews").json["reviews"] as? [[String: Any]])?.first)
            let index = try #require(shown["logIndex"] as? Int)
            let leaf = try await server.pipeline.store.logEntries(from: Int64(index), limit: 1)
            let entry = try ReviewEntry(decoding: try #require(leaf.first).entry)
            let disclosures = try JSONDecoder().decode(Disclosures.self, from: JSONSerialization.data(withJSONObject: try #require(shown["disclosures"])))
            let words = ReviewWords(rating: try #require(shown["rating"] as? Int), title: shown["title"] as? String, text: shown["text"] as? String,
                                    language: shown["language"] as? String, disclosures: disclosures)
            #expect(entry.wordsSHA256 == words.digest, "a verifier recomputes the digest from what the API shows")
            #expect(entry.reviewSHA256 == ClipDigest.sha256Hex(of: Self.review))
            #expect(entry.disclosures?.incentive == .freeProduct)
        }
    }

    @Test func wordsChangedAfterSigningOrNotSignedAreRefused() async throws {
        try await withServer { server in
            let clipSHA = ClipDigest.sha256Hex(of: Self.clip)
            let unsigned = try await server.shop.attestation(clipSHA256: clipSHA, reviewer: "alice")
            let notNamed = try await server.submitReview(Self.review, clip: Self.clip, as: server.shop, attestation: unsigned)
            #expect(notNamed.status == 422 && notNamed.isProblem)
            #expect((notNamed.json["detail"] as? String)?.contains("review_sha256") == true)

            let signedOriginal = try await server.shop.attestation(clipSHA256: clipSHA, reviewer: "alice", reviewSHA256: ClipDigest.sha256Hex(of: Self.review))
            let edited = Data(String(decoding: Self.review, as: UTF8.self).replacingOccurrences(of: "\"rating\":4", with: "\"rating\":5").utf8)
            let tampered = try await server.submitReview(edited, clip: Self.clip, as: server.shop, attestation: signedOriginal)
            #expect(tampered.status == 422 && tampered.isProblem, "a rating raised after the platform signed is refused")

            let withCaptionsClaim = try await server.shop.attestation(clipSHA256: clipSHA, reviewer: "alice", reviewSHA256: ClipDigest.sha256Hex(of: Self.review),
                                                                      captionsSHA256: ClipDigest.sha256Hex(of: Self.captions))
            let strippedCaptions = try await server.submitReview(Self.review, clip: Self.clip, as: server.shop, attestation: withCaptionsClaim)
            #expect(strippedCaptions.status == 422 && (strippedCaptions.json["detail"] as? String)?.contains("captions") == true)

            let bareClipWithWordsClaim = try await server.upload(Self.clip, as: server.shop, attestation: signedOriginal)
            #expect(bareClipWithWordsClaim.status == 422, "an attestation of words is not spent on a clip without them")
            let keptNothing = try await server.keepsNothing()
            #expect(keptNothing, "nothing refused was kept")
        }
    }

    @Test func eachInvalidFieldIsNamed() async throws {
        let cases: [(json: String, field: String)] = [
            (#"{"product":"sku-1","rating":6}"#, "rating"),
            (#"{"product":"sku-1","rating":"five"}"#, "rating"),
            (#"{"product":"sku-1","rating":4.5}"#, "rating"),
            (#"{"rating":4}"#, "product"),
            (#"{"product":"sku-1"}"#, "rating"),
            (#"{"product":"sku-1","rating":4,"ratng":5}"#, "ratng"),
            (#"{"product":"sku-1","rating":4,"language":"english!"}"#, "language"),
            (#"{"product":"sku-1","rating":4,"title":"a\u0007b"}"#, "title"),
            (#"{"product":"sku-1","rating":4,"text":"\#(String(repeating: "x", count: 5001))"}"#, "text"),
            (#"{"product":"sku-1","rating":4,"disclosures":{"incentive":"bribe"}}"#, "disclosures.incentive"),
            (#"{"product":"sku-1","rating":4,"disclosures":{"relationship":"cousin"}}"#, "disclosures.relationship"),
            (#"{"product":"sku-1","rating":4,"disclosures":{"paid":true}}"#, "disclosures.paid"),
        ]
        try await withServer { server in
            for (json, field) in cases {
                let answer = try await server.submitReview(Data(json.utf8), clip: Self.clip, as: server.shop)
                #expect(answer.status == 422 && answer.isProblem, "\(json)")
                #expect(answer.json["field"] as? String == field, "\(json): \(answer.json["detail"] ?? "")")
            }
            let notJSON = try await server.submitReview(Data("rating=5".utf8), clip: Self.clip, as: server.shop)
            #expect(notJSON.status == 422 && notJSON.json["type"] as? String == "https://vouch.local/problems/invalid-review")
            let badCaptions = try await server.submitReview(Self.review, clip: Self.clip, captions: Data("not webvtt".utf8), as: server.shop)
            #expect(badCaptions.status == 422 && badCaptions.json["field"] as? String == "captions")
            let keptNothing = try await server.keepsNothing()
            #expect(keptNothing)
        }
    }

    @Test func malformedFormsAreRefusedWithTheReason() async throws {
        try await withServer(maxUploadBytes: 4096) { server in
            let auth = ["Authorization": "Bearer \(server.shop.apiKey)"]
            let token = try await server.shop.attestation(clipSHA256: ClipDigest.sha256Hex(of: Self.clip), reviewer: "alice",
                                                          reviewSHA256: ClipDigest.sha256Hex(of: Self.review))
            let notMultipart = try await server.send("/v1/reviews", method: "POST", headers: auth.merging(["Content-Type": "application/json", "Vouch-Attestation": token]) { $1 },
                                                     body: Self.review)
            #expect(notMultipart.status == 415 && notMultipart.isProblem)

            func post(_ form: MultipartBody, closed: Bool = true) async throws -> ServerFixture.Answer {
                try await server.send("/v1/reviews", method: "POST", headers: auth.merging(["Content-Type": form.contentType, "Vouch-Attestation": token]) { $1 },
                                      body: closed ? form.closed : form.data)
            }
            var unknown = MultipartBody()
            unknown.append("review", Self.review)
            unknown.append("thumbnail", Data("x".utf8))
            let unknownPart = try await post(unknown)
            #expect(unknownPart.status == 400 && unknownPart.json["field"] as? String == "thumbnail")

            var twice = MultipartBody()
            twice.append("review", Self.review)
            twice.append("review", Self.review)
            #expect(try await post(twice).status == 400)

            var noClip = MultipartBody()
            noClip.append("review", Self.review)
            let missing = try await post(noClip)
            #expect(missing.status == 400 && missing.json["field"] as? String == "clip")

            var cut = MultipartBody()
            cut.append("review", Self.review)
            cut.append("clip", Self.clip)
            var truncated = cut.data
            truncated.removeLast(10)
            let cutShort = try await server.send("/v1/reviews", method: "POST",
                                                 headers: auth.merging(["Content-Type": cut.contentType, "Vouch-Attestation": token]) { $1 }, body: truncated)
            #expect(cutShort.status == 400 && cutShort.isProblem, "a body cut inside the clip is not taken for a whole clip")

            var huge = MultipartBody()
            huge.append("review", Data(repeating: 32, count: 70_000))
            #expect(try await post(huge).status == 413)

            var bigClip = MultipartBody()
            bigClip.append("review", Self.review)
            bigClip.append("clip", Data(repeating: 1, count: 10_000))
            #expect(try await post(bigClip).status == 413)

            var endlessHeaders = MultipartBody()
            endlessHeaders.append("review", Self.review)
            let flood = Data("--\(endlessHeaders.boundary)\r\nX-Filler: \(String(repeating: "a", count: 100_000))".utf8)
            let floodAnswer = try await server.send("/v1/reviews", method: "POST",
                                                    headers: auth.merging(["Content-Type": endlessHeaders.contentType, "Vouch-Attestation": token]) { $1 },
                                                    body: endlessHeaders.data + flood)
            #expect(floodAnswer.status == 400, "headers that never end are not buffered without bound")
            let keptNothing = try await server.keepsNothing()
            #expect(keptNothing)
        }
    }

    @Test func idempotencyCoversTheWords() async throws {
        try await withServer { server in
            let first = try await server.submitReview(Self.review, clip: Self.clip, as: server.shop, idempotencyKey: "r-1")
            let again = try await server.submitReview(Self.review, clip: Self.clip, as: server.shop, idempotencyKey: "r-1")
            #expect(first.status == 202 && again.status == 200)
            #expect(again.json["id"] as? Int == first.json["id"] as? Int)
            let otherWords = Data(#"{"product":"sku-1","rating":1}"#.utf8)
            let conflict = try await server.submitReview(otherWords, clip: Self.clip, as: server.shop, idempotencyKey: "r-1")
            #expect(conflict.status == 409)
        }
    }
}

extension ServerFixture {
    /// Whether the store holds no clip and the spool no upload: what a refused review must leave.
    func keepsNothing() async throws -> Bool {
        let clips = try await pipeline.store.database.run { db in
            try await db.raw("SELECT COUNT(*) AS n FROM clips").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        let spooled = (try? FileManager.default.contentsOfDirectory(atPath: pipeline.spool.incoming.path)) ?? []
        return clips == 0 && spooled.isEmpty
    }
}
