import Testing
@testable import VouchServer

@Suite struct ByteRangeRequestTests {
    @Test(arguments: [
        ("bytes=0-9", ByteRangeRequest.partial(0..<10)),
        ("bytes=990-", .partial(990..<1000)),
        ("bytes=990-5000", .partial(990..<1000)),
        ("bytes=-100", .partial(900..<1000)),
        ("bytes=-5000", .partial(0..<1000)),
        ("bytes=1000-", .unsatisfiable),
        ("bytes=5000-6000", .unsatisfiable),
        ("bytes=9-0", .whole),
        ("bytes=0-1,5-9", .whole),
        ("items=0-9", .whole),
        ("bytes=abc", .whole),
        ("bytes=-0", .whole),
    ])
    func parsesOneRangeOfAThousandBytes(header: String, expected: ByteRangeRequest) {
        #expect(ByteRangeRequest(header: header, size: 1000) == expected)
    }

    @Test func noHeaderIsTheWhole() {
        #expect(ByteRangeRequest(header: nil, size: 10) == .whole)
    }
}
