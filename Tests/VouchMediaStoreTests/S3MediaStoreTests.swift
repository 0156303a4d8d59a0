import AsyncHTTPClient
import Foundation
import Testing
@testable import VouchMediaStore
import VouchTestSupport

/// What only the S3 backend can get wrong: credentials, the network, the settings.
@Suite struct S3MediaStoreTests {
    let key = try! MediaKey("posters/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.jpg")

    @Test(.enabled(if: S3TestServer.checksCredentials))
    func anUnknownAccessKeyIsRefusedByName() async throws {
        let test = try await TestBackend.s3.makeStore()
        defer { test.removeScratch() }
        guard let bucket = (test.store as? S3MediaStore)?.settings.bucket else { throw MediaStoreError.invalidSettings("not S3") }
        let intruder = S3MediaStore(settings: try S3TestServer.settings(bucket: bucket, accessKeyID: "AKIAINTRUDER00000000", secretAccessKey: "guess"))
        let error = await #expect(throws: MediaStoreError.self) {
            _ = try await intruder.put(contentsOf: try test.file(patternedBytes(10)), as: key, contentType: "image/jpeg")
        }
        guard case .remote(let status, let code, _) = error else {
            Issue.record("expected a remote error, got \(String(describing: error))")
            return
        }
        #expect(status == 403)
        #expect(code == "InvalidAccessKeyId")
    }

    @Test(.enabled(if: S3TestServer.checksCredentials))
    func aWrongSecretIsRefusedAsABadSignature() async throws {
        let test = try await TestBackend.s3.makeStore()
        defer { test.removeScratch() }
        guard let settings = (test.store as? S3MediaStore)?.settings else { throw MediaStoreError.invalidSettings("not S3") }
        var wrong = settings
        wrong.secretAccessKey += "x"
        let error = await #expect(throws: MediaStoreError.self) {
            _ = try await S3MediaStore(settings: wrong).put(contentsOf: try test.file(patternedBytes(10)), as: key, contentType: "image/jpeg")
        }
        guard case .remote(403, let code, _) = error, code == "SignatureDoesNotMatch" else {
            Issue.record("expected SignatureDoesNotMatch, got \(String(describing: error))")
            return
        }
        // HEAD answers carry no body, so the status is all there is to tell.
        let described = await #expect(throws: MediaStoreError.self) { _ = try await S3MediaStore(settings: wrong).describe(key) }
        #expect(described.map { if case .remote(403, _, _) = $0 { true } else { false } } == true)
    }

    @Test func anEndpointWithNothingListeningIsUnreachableByName() async throws {
        let refusing = try RefusingPort()
        let endpoint = "http://127.0.0.1:\(refusing.port)"
        // HTTPClient.shared would retry the refused connection for its 90 s connect timeout.
        let client = HTTPClient(configuration: S3MediaStore.httpClientConfiguration(connect: .seconds(2)))
        let store = S3MediaStore(
            settings: S3Settings(endpoint: endpoint, region: "us-east-1", bucket: "media", accessKeyID: "a", secretAccessKey: "b"),
            httpClient: client
        )
        let error = await #expect(throws: MediaStoreError.self) { _ = try await store.describe(key) }
        withExtendedLifetime(refusing) {}
        try await client.shutdown()
        guard case .unreachable(let named, _) = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        #expect(named == endpoint)
        #expect(error?.description.contains(endpoint) == true)
    }

    @Test func anEndpointThatIsNotAURLIsAnInvalidSetting() async {
        let store = S3MediaStore(settings: S3Settings(endpoint: "not a url", region: "us-east-1", bucket: "media", accessKeyID: "a", secretAccessKey: "b"))
        let error = await #expect(throws: MediaStoreError.self) { _ = try await store.describe(key) }
        guard case .invalidSettings = error else {
            Issue.record("expected invalidSettings, got \(String(describing: error))")
            return
        }
    }

    @Test func settingsDecodeWithPathStyleByDefault() throws {
        let json = #"{"endpoint":"http://127.0.0.1:9000","region":"eu-west-1","bucket":"media","accessKeyID":"k","secretAccessKey":"s"}"#
        let settings = try JSONDecoder().decode(S3Settings.self, from: Data(json.utf8))
        #expect(settings == S3Settings(endpoint: "http://127.0.0.1:9000", region: "eu-west-1", bucket: "media", accessKeyID: "k", secretAccessKey: "s"))
        #expect(try JSONDecoder().decode(S3Settings.self, from: JSONEncoder().encode(settings)) == settings)
    }

    @Test func readsS3sErrorDocument() {
        let document = S3ErrorDocument(#"<?xml version="1.0"?><Error><Code>NoSuchBucket</Code><Message>The bucket &quot;x&quot; does not exist</Message></Error>"#)
        #expect(document.code == "NoSuchBucket")
        #expect(document.message == "The bucket \"x\" does not exist")
        #expect(S3ErrorDocument("<html>bad gateway</html>").code == nil)
    }
}

/// A loopback port that was free a moment ago: bound by the system's choice, then closed, so
/// that nothing answers on it.
