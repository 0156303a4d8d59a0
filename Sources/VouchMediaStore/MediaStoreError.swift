/// Why a media store could not do what was asked, with what an operator needs to act on it:
/// the key, the file and the failing call, or the service's status and error code.
public enum MediaStoreError: Error, Equatable, CustomStringConvertible {
    /// The text is not a ``MediaKey``; nothing was read or written.
    case invalidKey(String, reason: String)
    /// Nothing is stored under the key.
    case notFound(MediaKey)
    /// A local file operation failed: which one, on which path, and the system's message.
    case io(path: String, operation: String, message: String)
    /// The service answered with an error: its HTTP status and, when its body named them,
    /// S3's error code (`SignatureDoesNotMatch`, `NoSuchBucket`, …) and message.
    case remote(status: Int, code: String?, message: String)
    /// No answer came from the endpoint: refused, unresolvable, timed out or cut off.
    case unreachable(endpoint: String, underlying: String)
    /// The settings cannot describe a store (an endpoint that is not a URL, say).
    case invalidSettings(String)

    public var description: String {
        switch self {
        case .invalidKey(let text, let reason):
            "invalid media key \"\(text)\": \(reason)"
        case .notFound(let key):
            "no media stored under \(key)"
        case .io(let path, let operation, let message):
            "\(operation) \(path): \(message)"
        case .remote(let status, let code, let message):
            "the media store answered HTTP \(status)\(code.map { " \($0)" } ?? ""): \(message)"
        case .unreachable(let endpoint, let underlying):
            "the media store at \(endpoint) is unreachable: \(underlying)"
        case .invalidSettings(let problem):
            "invalid media store settings: \(problem)"
        }
    }
}
