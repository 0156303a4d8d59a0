import Foundation
import VouchStore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one webhook request and says how it went: the seam between the dispatcher's
/// retry logic and the network.
public protocol WebhookSender: Sendable {
    func post(_ body: Data, to url: URL, headers: [String: String], timeout: Double) async -> DeliveryResult
}

/// Sends with Foundation's URLSession, which Vouch already links: AsyncHTTPClient would
/// add minutes to every clean build for no gain at webhook rates. Redirects are never
/// followed, so a receiver cannot bounce a delivery to an address the URL check refused;
/// no cookies or caches are kept.
public struct URLSessionWebhookSender: WebhookSender {
    private let session: URLSession

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
    }

    public func post(_ body: Data, to url: URL, headers: [String: String], timeout: Double) async -> DeliveryResult {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "POST"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let (_, response) = try await session.upload(for: request, from: body)
            let status = (response as? HTTPURLResponse)?.statusCode
            return DeliveryResult(statusCode: status, error: status == nil ? "not an HTTP response" : nil, duration: clock.now - start)
        } catch {
            return DeliveryResult(statusCode: nil, error: error.localizedDescription, duration: clock.now - start)
        }
    }
}

/// Answers every redirect with "don't": the redirect response itself is the attempt's result.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
