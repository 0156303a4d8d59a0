import Testing
import VouchServer

@Suite struct PasswordHashTests {
    @Test func verifiesAHashMadeByAnotherScryptImplementation() throws {
        let hash = try PasswordHash(parsing: ModerationFixture.passwordHash)
        #expect(hash.verify(ModerationFixture.password))
        #expect(!hash.verify("correct horse battery stapler"))
        #expect(!hash.verify(""))
        #expect(hash.description == ModerationFixture.passwordHash, "the PHC string round-trips")
    }

    @Test func makesSaltedHashesThatVerify() throws {
        let cost = PasswordHash.Cost(log2N: 10)
        let first = try PasswordHash.make(password: "a long passphrase", cost: cost)
        let second = try PasswordHash.make(password: "a long passphrase", cost: cost)
        #expect(first != second, "each hash has its own salt")
        #expect(first.verify("a long passphrase") && second.verify("a long passphrase"))
        let reread = try PasswordHash(parsing: first.description)
        #expect(reread == first && reread.description.hasPrefix("$scrypt$ln=10,r=8,p=1$"))
    }

    @Test func refusesMalformedHashesAndUnsafeCosts() {
        for text in ["", "plain", "$2b$12$bcrypt-is-not-scrypt", "$scrypt$ln=10,r=8$AAECAwQFBgcICQoLDA0ODw$mp90", "$scrypt$ln=10,r=8,p=1$!!$mp90"] {
            #expect(throws: PasswordHashError.self, "\(text)") { try PasswordHash(parsing: text) }
        }
        #expect(throws: PasswordHashError.costOutOfRange) { try PasswordHash(parsing: "$scrypt$ln=4,r=8,p=1$AAECAwQFBgcICQoLDA0ODw$mp90zEQd5XGhjEv4WArVH4Z0XRSzkGWtJK2S/AXJlRU") }
        #expect(throws: PasswordHashError.costOutOfRange) { try PasswordHash.make(password: "x", cost: PasswordHash.Cost(log2N: 24)) }
        #expect(PasswordHash.Cost.recommended.memoryBytes == 128 << 20)
    }
}
