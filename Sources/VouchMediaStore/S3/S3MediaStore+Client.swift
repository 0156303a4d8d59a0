import AsyncHTTPClient
import NIOCore

extension S3MediaStore {
    /// An HTTP client configuration suited to an object store, for a process that makes its own
    /// client rather than using `HTTPClient.shared`, whose browser-like settings wait 90 s for a
    /// connection (so a dead endpoint is reported only after that), follow redirects and
    /// decompress bodies (which would break byte ranges of an object stored compressed).
    ///
    /// `connect` bounds how long a dead or refused endpoint is retried before the store answers
    /// ``MediaStoreError/unreachable(endpoint:underlying:)``.
    public static func httpClientConfiguration(connect: TimeAmount = .seconds(10)) -> HTTPClient.Configuration {
        HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: connect, read: .seconds(60)),
            decompression: .disabled
        )
    }

    /// A store with a client of its own made with ``httpClientConfiguration(connect:)``, as a
    /// long-running process wants it; the client lives as long as the process.
    public static func withOwnClient(settings: S3Settings) -> S3MediaStore {
        S3MediaStore(settings: settings, httpClient: HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpClientConfiguration()))
    }
}
