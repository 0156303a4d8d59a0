import Crypto
import Foundation
import VouchEncoding

/// AWS Signature Version 4, header-based: what S3 and every S3-compatible service (MinIO,
/// Ceph's radosgw, R2, moto) require of each request, written out so that the store needs no
/// AWS SDK.
///
/// A request is reduced to a canonical text (method, path, sorted query, the signed headers,
/// the payload's hash), its hash is signed with a key derived from the secret, the date, the
/// region and the service by a chain of HMAC-SHA256, and the result travels in `Authorization`.
struct SigV4Signer: Sendable {
    let accessKeyID: String
    let secretAccessKey: String
    let region: String
    let service: String

    /// The request as signed: `path` is already URI-encoded (S3 encodes each key segment once),
    /// `headers` hold every header to sign, including `host` and `x-amz-date`.
    struct Request {
        var method: String
        var path: String
        var query: [(name: String, value: String)] = []
        var headers: [(name: String, value: String)]
        /// The payload's SHA-256 in hex, or `UNSIGNED-PAYLOAD`.
        var payloadHash: String
    }

    /// The `Authorization` header's value for `request`, signed at `timestamp`
    /// (`yyyyMMdd'T'HHmmss'Z'`, the value of its `x-amz-date` header).
    func authorization(for request: Request, at timestamp: String) -> String {
        let scope = credentialScope(day: String(timestamp.prefix(8)))
        return "AWS4-HMAC-SHA256 Credential=\(accessKeyID)/\(scope), SignedHeaders=\(signedHeaders(request)), "
            + "Signature=\(signature(for: request, at: timestamp))"
    }

    func signature(for request: Request, at timestamp: String) -> String {
        let key = signingKey(day: String(timestamp.prefix(8)))
        return HMAC<SHA256>.authenticationCode(for: Data(stringToSign(request, at: timestamp).utf8), using: key).hexEncodedString
    }

    func canonicalRequest(_ request: Request) -> String {
        let headers = canonicalHeaders(request).map { "\($0.name):\($0.value)\n" }.joined()
        return [request.method, request.path, canonicalQuery(request), headers, signedHeaders(request), request.payloadHash]
            .joined(separator: "\n")
    }

    func stringToSign(_ request: Request, at timestamp: String) -> String {
        let digest = SHA256.hash(data: Data(canonicalRequest(request).utf8)).hexEncodedString
        return ["AWS4-HMAC-SHA256", timestamp, credentialScope(day: String(timestamp.prefix(8))), digest].joined(separator: "\n")
    }

    /// HMAC("AWS4" + secret, day) → region → service → "aws4_request".
    func signingKey(day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Data("AWS4\(secretAccessKey)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return key
    }

    private func credentialScope(day: String) -> String {
        "\(day)/\(region)/\(service)/aws4_request"
    }

    /// Lowercased names, trimmed values with inner runs of spaces folded to one, sorted by name;
    /// repeated headers joined with commas.
    private func canonicalHeaders(_ request: Request) -> [(name: String, value: String)] {
        var merged: [String: String] = [:]
        for (name, value) in request.headers {
            let name = name.lowercased()
            let folded = value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            merged[name] = merged[name].map { "\($0),\(folded)" } ?? folded
        }
        return merged.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
    }

    private func signedHeaders(_ request: Request) -> String {
        canonicalHeaders(request).map(\.name).joined(separator: ";")
    }

    private func canonicalQuery(_ request: Request) -> String {
        let pairs: [(name: String, value: String)] = request.query.map { (Self.uriEncode($0.name), Self.uriEncode($0.value)) }
        let sorted = pairs.sorted { ($0.name, $0.value) < ($1.name, $1.value) }
        return sorted.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// RFC 3986 percent-encoding as SigV4 wants it: everything but `A-Z a-z 0-9 - . _ ~`,
    /// as uppercase `%XX`; with `keepingSlashes`, `/` too (for paths).
    static func uriEncode(_ text: String, keepingSlashes: Bool = false) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where keepingSlashes:
                encoded.append("/")
            default:
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }

    /// `date` as `x-amz-date` writes it: `yyyyMMdd'T'HHmmss'Z'`, in UTC.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
