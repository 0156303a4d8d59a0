import Testing
import VouchIdentity

@Suite struct APIKeyTests {
    @Test func aKeyMatchesOnlyItsOwnHash() {
        let (key, hash) = APIKey.generate()
        let (other, _) = APIKey.generate()
        #expect(key != other)
        #expect(APIKey.matches(key, sha256: hash))
        #expect(APIKey.matches(key, sha256: hash.uppercased()))
        #expect(!APIKey.matches(other, sha256: hash))
        #expect(!APIKey.matches(key, sha256: "short"))
    }
}
