import Hummingbird
import VouchIdentity
import VouchStore

extension ReviewQuery {
    /// The order and filters of a shopper's request: `sort`, `rating`, `verifiedPurchase`,
    /// `withVideo`; each, when given, must be one the API document names. `sort=known`
    /// needs the `viewer` a `Vouch-Viewer` attestation identified, and only it keeps the viewer:
    /// other orders are the same for everyone.
    init(_ request: Request, viewer: Viewer? = nil) throws(Problem) {
        self.init()
        let parameters = request.uri.queryParameters
        if let text = parameters["sort"] {
            guard let sort = Sort(rawValue: String(text)) else {
                throw .badRequest("sort must be one of \(Sort.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'")
            }
            guard sort != .known || viewer != nil else {
                throw .badRequest("sort=known puts people the shopper knows first: send the shopper's Vouch-Viewer attestation with it")
            }
            self.sort = sort
            if sort == .known { self.viewer = viewer }
        }
        if let text = parameters["rating"] {
            guard let rating = Int(text), (1...5).contains(rating) else { throw .badRequest("rating must be a whole number of stars from 1 to 5") }
            self.rating = rating
        }
        verifiedPurchase = try Self.flag("verifiedPurchase", parameters["verifiedPurchase"])
        withVideo = try Self.flag("withVideo", parameters["withVideo"])
    }

    private static func flag(_ name: String, _ text: Substring?) throws(Problem) -> Bool? {
        guard let text else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: throw .badRequest("\(name) must be true or false")
        }
    }
}
