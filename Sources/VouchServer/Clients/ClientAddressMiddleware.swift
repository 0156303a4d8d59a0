import Foundation
import Hummingbird
import VouchPipeline

/// Puts the client's address into the request context, once, before any route runs.
///
/// The peer is the client unless it is one of `trustedProxies`; then the client is the
/// rightmost `X-Forwarded-For` address that is not a trusted proxy (each proxy appends the
/// address it saw, so everything left of that was written by the client and proves
/// nothing). Forwarding headers from any other peer are ignored: a client cannot choose
/// its own rate-limit bucket.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = VouchRequestContext
    let trustedProxies: [IPNetwork]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.clientAddress = client(peer: context.clientAddress, forwardedFor: request.headers[values: .xForwardedFor])
        return try await next(request, context)
    }

    func client(peer: String?, forwardedFor headers: [String]) -> String? {
        guard let peer, isTrusted(peer) else { return peer }
        let hops = headers.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() {
            guard IPAddress(hop) != nil else { return peer }
            if !isTrusted(hop) { return hop }
        }
        return peer
    }

    private func isTrusted(_ address: String) -> Bool {
        guard let address = IPAddress(address)?.unmapped else { return false }
        return trustedProxies.contains { $0.contains(address) }
    }
}
