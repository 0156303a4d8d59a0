import Crypto
import Foundation
import Testing
import VouchEncoding
import VouchIdentity
import VouchTestSupport

/// Security: an attested reviewer key links accounts only when the reviewer proves they hold it.
@Suite struct IdentityTakeoverTests {
    /// A reviewer's own Ed25519 key, and their signatures over review statements.
    private struct Reviewer {
        let key = Curve25519.Signing.PrivateKey()
        var publicKey: String { key.publicKey.rawRepresentation.base64URLEncodedString }

        func sign(_ clip: Data, product: String = "sku-1", platform: String, account: String) throws -> String {
            let statement = try ReviewStatement(clipSHA256: ClipDigest.sha256Hex(of: clip), productID: product, platformID: platform, account: account)
            return try key.signature(for: statement.message).base64URLEncodedString
        }
    }

    private static func clip(_ text: String) -> Data { Data("clip bytes: \(text)".utf8) }

    private func identity(ofClipIn answer: ServerFixture.Answer, _ server: ServerFixture) async throws -> Int64 {
        let id = Int64(try #require(answer.json["id"] as? Int))
        let clip = try #require(try await server.pipeline.store.clip(id: id))
        return try #require(try await server.pipeline.store.reviewer(id: clip.reviewerID)).identityID
    }

    private func upload(_ clip: Data, as platform: TestPlatform, account: String, key: String?, signature: String?,
                        _ server: ServerFixture) async throws -> ServerFixture.Answer {
        let attestation = try await platform.attestation(clipSHA256: ClipDigest.sha256Hex(of: clip), reviewer: account, reviewerKey: key)
        return try await server.upload(clip, as: platform, attestation: attestation, reviewerSignature: signature)
    }

    @Test func anAttestedKeyWithoutTheReviewersSignatureJoinsNoIdentity() async throws {
        try await withServer { server in
            let alice = Reviewer()
            let honest = Self.clip("alice's review")
            let first = try await upload(honest, as: server.shop, account: "alice", key: alice.publicKey,
                                         signature: try alice.sign(honest, platform: "shop", account: "alice"), server)
            #expect(first.status == 202)
            let victim = try await identity(ofClipIn: first, server)

            // The attack: the platform attests alice's public key for mallory, with no signature.
            let takeover = Self.clip("mallory claims alice's key")
            let unsigned = try await upload(takeover, as: server.shop, account: "mallory", key: alice.publicKey, signature: nil, server)
            #expect(unsigned.status == 202, "an upload without a reviewer signature is still a review")
            #expect(try await identity(ofClipIn: unsigned, server) != victim, "an unproven key must not join alice's identity")

            // Mallory signs with a key of his own under alice's attested key: refused.
            let mallory = Reviewer()
            let forged = Self.clip("mallory signs for alice")
            let wrongKey = try await upload(forged, as: server.shop, account: "mallory", key: alice.publicKey,
                                            signature: try mallory.sign(forged, platform: "shop", account: "mallory"), server)
            #expect(wrongKey.status == 422 && wrongKey.isProblem)
            #expect(wrongKey.json["type"] as? String == "https://vouch.local/problems/reviewer-signature-rejected")
        }
    }

    @Test func aReviewersSignatureCannotBeReplayedUnderAnotherAccount() async throws {
        try await withServer { server in
            let alice = Reviewer()
            let honest = Self.clip("alice, once")
            let signature = try alice.sign(honest, platform: "shop", account: "alice")
            #expect(try await upload(honest, as: server.shop, account: "alice", key: alice.publicKey, signature: signature, server).status == 202)
            let replayed = try await upload(honest, as: server.shop, account: "mallory", key: alice.publicKey, signature: signature, server)
            #expect(replayed.status == 422 && replayed.isProblem, "alice's signature names her account, not mallory's")
        }
    }

    @Test func aProvenKeyStillLinksTheSamePersonAcrossPlatforms() async throws {
        try await withServer { server in
            let alice = Reviewer()
            let onShop = Self.clip("alice on the shop")
            let shop = try await upload(onShop, as: server.shop, account: "alice", key: alice.publicKey,
                                        signature: try alice.sign(onShop, platform: "shop", account: "alice"), server)
            let onSocial = Self.clip("alice on the social app")
            let social = try await upload(onSocial, as: server.social, account: "al1ce", key: alice.publicKey,
                                          signature: try alice.sign(onSocial, platform: "social", account: "al1ce"), server)
            #expect(shop.status == 202 && social.status == 202)
            #expect(try await identity(ofClipIn: shop, server) == identity(ofClipIn: social, server))
        }
    }
}
