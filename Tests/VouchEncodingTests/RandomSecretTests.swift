import Testing
import VouchEncoding

@Suite("RandomSecret")
struct RandomSecretTests {
    @Test("a secret has the bytes asked for", arguments: [16, 32, 64])
    func length(count: Int) {
        #expect(RandomSecret.bytes(count).count == count)
    }

    @Test("a hundred secrets are all different")
    func unique() {
        #expect(Set((0..<100).map { _ in RandomSecret.bytes(32) }).count == 100)
    }
}
