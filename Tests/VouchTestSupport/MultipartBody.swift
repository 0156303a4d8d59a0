import Foundation

/// A `multipart/form-data` body built part by part, as a platform's HTTP client sends a review.
public struct MultipartBody: Sendable {
    public let boundary: String
    public private(set) var data = Data()

    public init(boundary: String = "vouch-\(UUID().uuidString)") {
        self.boundary = boundary
    }

    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// Appends a part named `name`, with a file name and content type when given.
    public mutating func append(_ name: String, _ bytes: Data, filename: String? = nil, contentType: String? = nil) {
        var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\""
        if let filename { head += "; filename=\"\(filename)\"" }
        head += "\r\n"
        if let contentType { head += "Content-Type: \(contentType)\r\n" }
        data += Data((head + "\r\n").utf8) + bytes + Data("\r\n".utf8)
    }

    /// The body with its closing boundary.
    public var closed: Data { data + Data("--\(boundary)--\r\n".utf8) }
}
