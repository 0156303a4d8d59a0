import Foundation
import Testing
import VouchIdentity
import VouchTestSupport

/// Reviewer-held Ed25519 keys, with keys and signatures made by the openssl CLI.
@Suite struct ReviewerKeyTests {
    let statement = try! ReviewStatement(clipSHA256: String(repeating: "ab", count: 32), productID: "barista-pro", platformID: "northwind", account: "alice.k")

    private func signedByOpenSSL(_ message: Data) throws -> (key: ReviewerKey, signature: Data) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-openssl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try message.write(to: directory.appendingPathComponent("message"))
        try OpenSSLCLI.makeEd25519Key(publicKeyFile: "public.pem", in: directory)
        try OpenSSLCLI.sign("message", in: directory)
        let pem = try String(contentsOf: directory.appendingPathComponent("public.pem"), encoding: .utf8)
        return (try ReviewerKey(pem: pem), try Data(contentsOf: directory.appendingPathComponent("signature")))
    }

    @Test func verifiesASignatureMadeByOpenSSL() throws {
        let (key, signature) = try signedByOpenSSL(statement.message)
        #expect(signature.count == 64)
        #expect(key.hasSigned(statement, signature: signature))
    }

    @Test func aSignatureCoversTheProductThePlatformAndTheAccount() throws {
        let (key, signature) = try signedByOpenSSL(statement.message)
        let otherProduct = try ReviewStatement(clipSHA256: statement.clipSHA256, productID: "quietwave-2", platformID: "northwind", account: "alice.k")
        let otherPlatform = try ReviewStatement(clipSHA256: statement.clipSHA256, productID: "barista-pro", platformID: "clipstream", account: "alice.k")
        let otherAccount = try ReviewStatement(clipSHA256: statement.clipSHA256, productID: "barista-pro", platformID: "northwind", account: "mallory")
        #expect(!key.hasSigned(otherProduct, signature: signature))
        #expect(!key.hasSigned(otherPlatform, signature: signature))
        #expect(!key.hasSigned(otherAccount, signature: signature), "a signature cannot be replayed under another account")
        let (otherKey, _) = try signedByOpenSSL(statement.message)
        #expect(!otherKey.hasSigned(statement, signature: signature))
    }

    @Test func readsTheAttestationsBase64URLForm() throws {
        let (key, _) = try signedByOpenSSL(statement.message)
        let text = key.rawRepresentation.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        #expect(try ReviewerKey(base64URL: text) == key)
        #expect(throws: ReviewerKey.Problem.notAnEd25519Key) { try ReviewerKey(base64URL: "AAAA") }
    }

    @Test func statementsAreUnambiguous() {
        #expect(throws: ReviewStatement.Problem.newlineInID("a\nb")) {
            try ReviewStatement(clipSHA256: String(repeating: "0", count: 64), productID: "a\nb", platformID: "p", account: "x")
        }
        #expect(throws: ReviewStatement.Problem.notADigest("xyz")) {
            try ReviewStatement(clipSHA256: "xyz", productID: "a", platformID: "p", account: "x")
        }
    }
}

@Suite struct IdentityLinksTests {
    let alice = IdentityLinks.Account(platformID: "northwind", accountID: "alice.k")
    let aliceElsewhere = IdentityLinks.Account(platformID: "clipstream", accountID: "alice_c")
    let bob = IdentityLinks.Account(platformID: "northwind", accountID: "bob")

    func key(_ byte: UInt8) throws -> ReviewerKey {
        try ReviewerKey(rawRepresentation: Data(repeating: byte, count: 32))
    }

    @Test func oneKeyOnTwoPlatformsIsOnePerson() throws {
        var links = IdentityLinks()
        links.link(alice, to: try key(7))
        links.link(aliceElsewhere, to: try key(7))
        links.link(bob, to: try key(9))
        #expect(links.sameIdentity(alice, aliceElsewhere))
        #expect(!links.sameIdentity(alice, bob))
        #expect(links.accounts(linkedTo: alice) == [alice, aliceElsewhere])
    }

    @Test func anAccountWithTwoKeysJoinsTheirIdentities() throws {
        var links = IdentityLinks()
        links.link(alice, to: try key(7))
        links.link(bob, to: try key(9))
        links.link(aliceElsewhere, to: try key(7))
        links.link(aliceElsewhere, to: try key(9))
        #expect(links.sameIdentity(alice, bob))
        #expect(links.accounts(linkedTo: bob).count == 3)
    }

    @Test func anUnlinkedAccountIsItsOwnIdentity() {
        let links = IdentityLinks()
        #expect(links.accounts(linkedTo: alice) == [alice])
        #expect(!links.sameIdentity(alice, bob))
    }
}
