import Crypto
import Foundation
import VouchEncoding
import VouchModel

/// A review's words as shoppers are shown them (rating, title, text, language and
/// disclosures), in the one encoding their digest is taken over: JSON with sorted keys,
/// no spaces. Anyone holding a review from the shopper API can recompute the digest and
/// compare it with the review's log entry.
public struct ReviewWords: Codable, Sendable, Equatable {
    public var rating: Int
    public var title: String?
    public var text: String?
    public var language: String?
    public var disclosures: Disclosures

    public init(rating: Int, title: String?, text: String?, language: String?, disclosures: Disclosures) {
        self.rating = rating
        self.title = title
        self.text = text
        self.language = language
        self.disclosures = disclosures
    }

    public init(_ content: ReviewContent) {
        self.init(rating: content.rating, title: content.title, text: content.text, language: content.language, disclosures: content.disclosures)
    }

    /// SHA-256 of the canonical encoding, lowercase hex.
    public var digest: String {
        // Encoding a struct of strings, numbers and booleans cannot fail.
        SHA256.hash(data: (try? JSONEncoder.document.encode(self)) ?? Data()).hexEncodedString
    }
}

/// What a log entry records of a review's words: the digests of the bytes the platform
/// attested and of the words as shown, and the disclosures.
public struct LoggedWords: Sendable, Equatable {
    public var words: ReviewWords
    public var reviewSHA256: String
    public var captionsSHA256: String?

    public init(words: ReviewWords, reviewSHA256: String, captionsSHA256: String?) {
        self.words = words
        self.reviewSHA256 = reviewSHA256
        self.captionsSHA256 = captionsSHA256
    }
}
