import SQLKit
import VouchLog
import VouchModel

extension ReviewWords {
    /// The words in a clip's row (columns `rating`, `title`, `review_text`, `language`,
    /// `disclosures`); nil when the clip has none, as one uploaded alone or erased.
    init?(row: any SQLRow, clip: Int64) throws {
        guard let rating = try row.decode(column: "rating", as: Int?.self) else { return nil }
        self.init(rating: rating, title: try row.decode(column: "title", as: String?.self),
                  text: try row.decode(column: "review_text", as: String?.self),
                  language: try row.decode(column: "language", as: String?.self),
                  disclosures: try StoredJSON.decode(Disclosures.self, from: row.decode(column: "disclosures", as: String?.self),
                                                     what: "disclosures of clip \(clip)") ?? Disclosures())
    }
}
