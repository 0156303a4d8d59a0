import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import VouchLog
import VouchModel
import VouchVerifier

/// A Vouch server's public API answered from memory, as recorded responses would be: a
/// review log, its signed checkpoint and the reviews shown for one product, each of which
/// a test can tamper with to play a dishonest server.
struct RecordedLog: Sendable {
    static let origin = "vouch.test/reviews"
    static let product = "sku-1"

    /// A review as the shopper API shows it.
    struct Shown: Sendable {
        var clip: Int64
        var score: Double
        var verdict: String
        var logIndex: Int64?
        /// The star rating shown; the log's entries are of reviews with `RecordedLog.words` and this rating.
        var rating: Int? = nil
    }

    /// The words of every recorded review but its rating.
    static func words(rating: Int) -> ReviewWords {
        ReviewWords(rating: rating, title: "Sturdy", text: "Holds up.", language: "en", disclosures: Disclosures(incentive: .freeProduct))
    }

    var entries: [Data]
    var shown: [Shown]
    var signer: NoteSigner
    /// The leaves the checkpoint commits to; nil signs the entries as served.
    var signedLeaves: [Data]?

    /// A log of `clips` published reviews of the product, each shown as logged.
    init(clips: Int, signer: NoteSigner) {
        entries = (0..<clips).map { Self.entry(clip: Int64($0 + 1), status: .published, score: 0.5 + Double($0) / 100) }
        shown = (0..<clips).map { Shown(clip: Int64($0 + 1), score: 0.5 + Double($0) / 100, verdict: "original", logIndex: Int64($0)) }
        self.signer = signer
    }

    static func entry(clip: Int64, status: ClipStatus, score: Double, product: String = product, rating: Int? = nil) -> Data {
        ReviewEntry(event: status == .published ? .published : .moderated, status: status, decision: status == .published ? nil : "reject", clip: clip,
                    clipSHA256: String(repeating: "a", count: 64), fingerprintSHA256: nil, reviewerBinding: String(repeating: "b", count: 64),
                    product: product, verdict: .original, score: score,
                    words: rating.map { LoggedWords(words: words(rating: $0), reviewSHA256: String(repeating: "c", count: 64), captionsSHA256: nil) },
                    time: Date(timeIntervalSince1970: 1_800_000_000)).encoded()
    }

    var checkpoint: Checkpoint {
        let leaves = signedLeaves ?? entries
        return Checkpoint(origin: Self.origin, size: Int64(leaves.count), root: Self.root(leaves.map { TreeHash.leaf($0) }[...]))
    }

    func checkpointNote() throws -> String {
        try signer.sign(checkpoint.text)
    }

    var client: LogClient {
        LogClient(server: URL(string: "http://vouch.test")!) { url in try respond(to: url) }
    }

    private func respond(to url: URL) throws -> (Data, URLResponse) {
        let query = Dictionary(uniqueKeysWithValues: (URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        let number = { (name: String) in Int64(query[name] ?? "") ?? 0 }
        let body: Data
        switch url.path {
        case "/v1/log/checkpoint":
            body = Data(try checkpointNote().utf8)
        case "/v1/products/\(Self.product)/reviews":
            let reviews = shown.map { review -> [String: Any] in
                var fields: [String: Any] = ["clip": review.clip, "score": review.score, "explanation": ["verdict": review.verdict]]
                if let index = review.logIndex { fields["logIndex"] = index }
                if let rating = review.rating {
                    let words = Self.words(rating: rating)
                    fields.merge(["rating": rating, "title": words.title ?? "", "text": words.text ?? "", "language": words.language ?? "",
                                  "disclosures": ["verifiedPurchase": false, "incentive": "free-product", "relationship": "none", "source": "organic"]]) { $1 }
                }
                return fields
            }
            body = try JSONSerialization.data(withJSONObject: ["reviews": reviews])
        case "/v1/log/entries":
            let start = Int(number("start"))
            let served = entries.indices.filter { $0 >= start && $0 < start + Int(number("limit")) }
            body = try JSONSerialization.data(withJSONObject: ["entries": served.map { ["index": $0, "entry": String(decoding: entries[$0], as: UTF8.self)] }])
        case "/v1/log/proofs/inclusion":
            body = try proof(TreeShape.inclusionPath(leaf: number("index"), treeSize: number("treeSize")))
        case "/v1/log/proofs/consistency":
            body = try proof(TreeShape.consistencyPath(from: number("from"), to: number("to")))
        default:
            return (Data(), HTTPURLResponse(url: url, statusCode: 404, httpVersion: nil, headerFields: nil)!)
        }
        return (body, HTTPURLResponse(url: url, statusCode: 200, httpVersion: nil, headerFields: nil)!)
    }

    private func proof(_ ranges: [Range<Int64>]) throws -> Data {
        let leaves = entries.map { TreeHash.leaf($0) }
        let hashes = ranges.map { Self.root(leaves[Int($0.lowerBound)..<Int($0.upperBound)]).base64 }
        return try JSONSerialization.data(withJSONObject: ["hashes": hashes])
    }

    /// RFC 9162's MTH, written out as the definition: an independent check of the client.
    static func root(_ leaves: ArraySlice<TreeHash>) -> TreeHash {
        guard leaves.count > 1 else { return leaves.first ?? .emptyTree }
        var split = 1
        while split * 2 < leaves.count { split *= 2 }
        let middle = leaves.startIndex + split
        return TreeHash.node(root(leaves[..<middle]), root(leaves[middle...]))
    }
}
