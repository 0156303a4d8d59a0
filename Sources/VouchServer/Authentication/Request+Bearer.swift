import Hummingbird

extension Request {
    /// The token of `Authorization: Bearer <token>`; a 401 naming `what` to send when the
    /// header is missing or of another scheme.
    func bearerToken(of what: String) throws(Problem) -> Substring {
        guard let header = headers[.authorization] else {
            throw .unauthorized("send \(what) as 'Authorization: Bearer <token>'")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw .unauthorized("the Authorization header must be 'Bearer <token>', with \(what)")
        }
        return parts[1]
    }
}
