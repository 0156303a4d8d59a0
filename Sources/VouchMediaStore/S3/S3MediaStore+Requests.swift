import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

extension S3MediaStore {
    /// How long one request may take, its body included: a shopper's player may read a long
    /// video slowly, and a worker may upload hundreds of megabytes on a slow link.
    static let requestTimeout = TimeAmount.hours(1)

    /// Sends one signed request for `key` (or for the bucket itself when nil) and returns the
    /// answer, whatever its status; a request that got no answer throws
    /// ``MediaStoreError/unreachable(endpoint:underlying:)``.
    func send(
        _ method: HTTPMethod, key: MediaKey?, headers: [(String, String)] = [],
        body: HTTPClientRequest.Body? = nil, payloadHash: String = "UNSIGNED-PAYLOAD"
    ) async throws(MediaStoreError) -> HTTPClientResponse {
        let target = try location(of: key)
        let timestamp = SigV4Signer.timestamp(Date())
        let signed = [("host", target.host), ("x-amz-date", timestamp), ("x-amz-content-sha256", payloadHash)] + headers
        let authorization = signer.authorization(
            for: SigV4Signer.Request(method: method.rawValue, path: target.path, headers: signed.map { (name: $0.0, value: $0.1) }, payloadHash: payloadHash),
            at: timestamp
        )
        var request = HTTPClientRequest(url: target.url)
        request.method = method
        for (name, value) in signed {
            request.headers.add(name: name, value: value)
        }
        request.headers.add(name: "authorization", value: authorization)
        request.body = body
        do {
            return try await httpClient.execute(request, timeout: Self.requestTimeout)
        } catch let error as MediaStoreError {
            throw error
        } catch {
            throw .unreachable(endpoint: settings.endpoint, underlying: "\(method) \(target.path): \(error)")
        }
    }

    /// The error an unexpected answer stands for, with S3's code and message when its body has them.
    func failure(of response: HTTPClientResponse) async -> MediaStoreError {
        let body = (try? await response.body.collect(upTo: 64 * 1024)).map { String(buffer: $0) } ?? ""
        let document = S3ErrorDocument(body)
        let message = document.message ?? "HTTP \(response.status.code) \(response.status.reasonPhrase)"
        return .remote(status: Int(response.status.code), code: document.code, message: message)
    }

    /// Reads an answer's small body to its end, so that its connection can serve the next request.
    func drain(_ response: HTTPClientResponse) async {
        _ = try? await response.body.collect(upTo: 1024 * 1024)
    }

    /// Where a request for `key` goes: the URL, the `Host` header it signs, and the encoded path.
    private func location(of key: MediaKey?) throws(MediaStoreError) -> (url: String, host: String, path: String) {
        guard let endpoint = URLComponents(string: settings.endpoint), let scheme = endpoint.scheme, let host = endpoint.host, !host.isEmpty else {
            throw .invalidSettings("the endpoint \"\(settings.endpoint)\" is not a URL such as http://127.0.0.1:9000")
        }
        let authority = endpoint.port.map { "\(host):\($0)" } ?? host
        let objectPath = key.map { "/" + SigV4Signer.uriEncode($0.rawValue, keepingSlashes: true) } ?? ""
        let bucket = SigV4Signer.uriEncode(settings.bucket)
        if settings.pathStyle {
            let path = "/\(bucket)\(objectPath)"
            return ("\(scheme)://\(authority)\(path)", authority, path)
        }
        let path = objectPath.isEmpty ? "/" : objectPath
        return ("\(scheme)://\(bucket).\(authority)\(path)", "\(bucket).\(authority)", path)
    }
}
