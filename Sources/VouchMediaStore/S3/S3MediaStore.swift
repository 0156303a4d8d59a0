import AsyncHTTPClient
import NIOCore

/// Media kept in an S3-compatible bucket: for a deployment whose `vouch serve` and
/// `vouch worker` processes run on several machines and share no disk.
///
/// Every request is signed with ``SigV4Signer``. Uploads are one streamed `PUT` (S3 takes up
/// to 5 GB so, far above a review video), signed with `UNSIGNED-PAYLOAD`: signing the payload's
/// hash would mean reading a large file twice, once to hash it and once to send it, and the
/// content is already checked where it matters (keys are the content's own SHA-256, HTTPS
/// protects it in transit, and `Content-Length` makes a cut-off upload fail).
///
/// It works with `HTTPClient.shared`; a long-running process should rather give it a client
/// made with ``httpClientConfiguration(connect:)``, which reports a dead endpoint in seconds.
public struct S3MediaStore: MediaStore {
    public let settings: S3Settings
    let httpClient: HTTPClient
    let signer: SigV4Signer

    public init(settings: S3Settings, httpClient: HTTPClient = .shared) {
        self.settings = settings
        self.httpClient = httpClient
        signer = SigV4Signer(accessKeyID: settings.accessKeyID, secretAccessKey: settings.secretAccessKey, region: settings.region, service: "s3")
    }

    public func put(contentsOf file: String, as key: MediaKey, contentType: String) async throws(MediaStoreError) -> StoredMedia {
        guard let size = try POSIX.fileSize(file) else {
            throw .io(path: file, operation: "open", message: "no such file")
        }
        let response = try await send(
            .PUT, key: key, headers: [("content-type", contentType)],
            body: .stream(FileChunks(path: file, range: 0..<size), length: .known(size))
        )
        guard response.status.code == 200 else { throw await failure(of: response) }
        await drain(response)
        guard let etag = response.headers.first(name: "etag") else {
            throw .remote(status: 200, code: nil, message: "PUT \(key) was answered without an ETag")
        }
        return StoredMedia(key: key, size: size, contentType: contentType, etag: etag)
    }

    public func describe(_ key: MediaKey) async throws(MediaStoreError) -> StoredMedia? {
        let response = try await send(.HEAD, key: key)
        if response.status.code == 404 { return nil }
        guard response.status.code == 200 else { throw await failure(of: response) }
        guard let length = response.headers.first(name: "content-length").flatMap(Int64.init),
              let etag = response.headers.first(name: "etag") else {
            throw .remote(status: 200, code: nil, message: "HEAD \(key) was answered without Content-Length or ETag")
        }
        let contentType = response.headers.first(name: "content-type") ?? "application/octet-stream"
        return StoredMedia(key: key, size: length, contentType: contentType, etag: etag)
    }

    public func read(_ key: MediaKey, range: Range<Int64>) async throws(MediaStoreError) -> AsyncThrowingStream<ByteBuffer, any Error> {
        // An empty range has no `Range` header that says so; there is nothing to fetch.
        guard !range.isEmpty else { return AsyncThrowingStream { $0.finish() } }
        let response = try await send(.GET, key: key, headers: [("range", "bytes=\(range.lowerBound)-\(range.upperBound - 1)")])
        switch response.status.code {
        case 206:
            break
        case 404:
            throw .notFound(key)
        default:
            throw await failure(of: response)
        }
        return AsyncThrowingStream(pulling: response.body)
    }

    public func download(_ key: MediaKey, to file: String) async throws(MediaStoreError) {
        let response = try await send(.GET, key: key)
        if response.status.code == 404 { throw .notFound(key) }
        guard response.status.code == 200 else { throw await failure(of: response) }
        let copy = try TemporaryFile(in: POSIX.parent(of: file))
        do {
            for try await chunk in response.body {
                try copy.write(chunk)
            }
        } catch let error as MediaStoreError {
            throw error
        } catch {
            throw .unreachable(endpoint: settings.endpoint, underlying: "the download of \(key) was cut off: \(error)")
        }
        try copy.commit(as: file)
    }

    public func remove(_ key: MediaKey) async throws(MediaStoreError) {
        let response = try await send(.DELETE, key: key)
        // S3 answers 204 whether or not the key was there; some compatible services answer 404.
        guard [200, 204, 404].contains(response.status.code) else { throw await failure(of: response) }
        await drain(response)
    }
}
