import Crypto
import Foundation
import VouchEncoding

/// The `Vouch-Signature` header of a webhook delivery, as Stripe and GitHub sign theirs:
/// `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
///
/// Signing the timestamp with the body lets a receiver refuse old deliveries replayed
/// by someone who captured one; it should compare in constant time and allow a few
/// minutes of age.
public struct WebhookSignature: Sendable, Equatable {
    public var timestamp: Int64
    /// Lowercase hex of the HMAC.
    public var hmac: String

    public init(signing body: Data, secret: String, at timestamp: Int64) {
        self.timestamp = timestamp
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        hmac = code.hexEncodedString
    }

    /// The header's value.
    public var header: String { "t=\(timestamp),v1=\(hmac)" }
}
