import Testing
@testable import VouchMediaStore

/// The signer against AWS's published examples: moto checks signatures only partly, so these
/// vectors are what prove that a real S3 would accept ours.
@Suite struct SigV4SignerTests {
    /// The test suite's credentials, date and scope (aws-sig-v4-test-suite).
    let suite = SigV4Signer(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", region: "us-east-1", service: "service")
    let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    @Test func getVanilla() {
        let request = SigV4Signer.Request(
            method: "GET", path: "/",
            headers: [(name: "Host", value: "example.amazonaws.com"), (name: "X-Amz-Date", value: "20150830T123600Z")],
            payloadHash: emptyHash
        )
        #expect(suite.canonicalRequest(request) == "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(emptyHash)")
        #expect(suite.authorization(for: request, at: "20150830T123600Z") ==
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
            + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test func getVanillaQueryOrderKeyCase() {
        let request = SigV4Signer.Request(
            method: "GET", path: "/", query: [(name: "Param2", value: "value2"), (name: "Param1", value: "value1")],
            headers: [(name: "Host", value: "example.amazonaws.com"), (name: "X-Amz-Date", value: "20150830T123600Z")],
            payloadHash: emptyHash
        )
        #expect(suite.signature(for: request, at: "20150830T123600Z") == "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")
    }

    /// S3's documentation: "Example: GET Object", the first ten bytes of examplebucket/test.txt.
    @Test func s3GetObjectWithARange() {
        let signer = SigV4Signer(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region: "us-east-1", service: "s3")
        let request = SigV4Signer.Request(
            method: "GET", path: "/test.txt",
            headers: [
                (name: "Host", value: "examplebucket.s3.amazonaws.com"), (name: "Range", value: "bytes=0-9"),
                (name: "x-amz-content-sha256", value: emptyHash), (name: "x-amz-date", value: "20130524T000000Z"),
            ],
            payloadHash: emptyHash
        )
        #expect(signer.stringToSign(request, at: "20130524T000000Z") ==
            "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972")
        #expect(signer.authorization(for: request, at: "20130524T000000Z") ==
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
            + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test func encodesAsSigV4Wants() {
        #expect(SigV4Signer.uriEncode("a-b_c.d~e") == "a-b_c.d~e")
        #expect(SigV4Signer.uriEncode("a b/c=d") == "a%20b%2Fc%3Dd")
        #expect(SigV4Signer.uriEncode("posters/x y.jpg", keepingSlashes: true) == "posters/x%20y.jpg")
        #expect(SigV4Signer.uriEncode("\u{1234}") == "%E1%88%B4")
    }

    @Test func foldsHeaderWhitespace() {
        let request = SigV4Signer.Request(method: "GET", path: "/", headers: [(name: "My-Header", value: "  a   b  ")], payloadHash: "UNSIGNED-PAYLOAD")
        #expect(suite.canonicalRequest(request).contains("my-header:a b\n"))
    }

    @Test func writesTimestampsInUTC() {
        #expect(SigV4Signer.timestamp(.init(timeIntervalSince1970: 1_440_938_160)) == "20150830T123600Z")
    }
}
