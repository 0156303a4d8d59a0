import Foundation
import VouchEncoding
import VouchModel

/// One leaf of the review log: what became of one clip, as digests and public facts only,
/// so that erasing a person's data or video never needs a leaf removed.
///
/// Published reviews, moderators' decisions and takedowns are all entries; a clip's
/// latest entry says whether shoppers may see it, and with which verdict and score.
public struct ReviewEntry: Codable, Sendable, Equatable {
    /// What happened to the clip.
    public enum Event: String, Codable, Sendable {
        /// The pipeline published the clip.
        case published
        /// A moderator decided about the clip (`decision` says how).
        case moderated
        /// A published clip was held back from shoppers (a banned identity, a ring).
        case held
    }

    /// The entry format's version.
    public var v: Int = 1
    public var event: Event
    /// The clip's status after the event: `published` means shoppers see it.
    public var status: ClipStatus
    /// The moderator's decision, for `moderated` entries.
    public var decision: String?
    public var clip: Int64
    /// SHA-256 of the uploaded bytes, hex.
    public var clipSHA256: String
    /// SHA-256 of the stored fingerprint, hex; nil when there is none.
    public var fingerprintSHA256: String?
    /// SHA-256 over a per-reviewer random salt, the platform and the account, hex:
    /// binds the review to its reviewer until the salt is erased, and reveals nothing alone.
    public var reviewerBinding: String
    public var product: String
    public var verdict: Verdict?
    /// The score with six decimals, as text, so every reader compares the same digits.
    public var score: String?
    /// The clip's C2PA provenance state (`absent`, `valid`, `untrusted`, `invalid`); nil in
    /// entries written before provenance was read, which keeps their bytes unchanged.
    public var provenance: String?
    /// SHA-256 of the review's words exactly as the platform attested them (`review_sha256`).
    public var reviewSHA256: String?
    /// SHA-256 of the words as shoppers are shown them (``ReviewWords``): what a verifier
    /// recomputes from the shopper API to prove the rating and text shown are those logged.
    public var wordsSHA256: String?
    /// SHA-256 of the captions exactly as the platform attested them.
    public var captionsSHA256: String?
    /// What the review discloses (purchase, reward, connection, source), in the clear.
    public var disclosures: Disclosures?
    public var time: Date

    public init(event: Event, status: ClipStatus, decision: String? = nil, clip: Int64, clipSHA256: String, fingerprintSHA256: String?,
                reviewerBinding: String, product: String, verdict: Verdict?, score: Double?, provenance: String? = nil,
                words: LoggedWords? = nil, time: Date) {
        self.event = event
        self.status = status
        self.decision = decision
        self.clip = clip
        self.clipSHA256 = clipSHA256
        self.fingerprintSHA256 = fingerprintSHA256
        self.reviewerBinding = reviewerBinding
        self.product = product
        self.verdict = verdict
        self.score = score.map(Self.format(score:))
        self.provenance = provenance
        reviewSHA256 = words?.reviewSHA256
        wordsSHA256 = words?.words.digest
        captionsSHA256 = words?.captionsSHA256
        disclosures = words?.words.disclosures
        self.time = time
    }

    /// Whether shoppers may see the clip after this entry.
    public var isPublic: Bool { status == .published }

    /// The score as entries write it.
    public static func format(score: Double) -> String { String(format: "%.6f", score) }

    /// The leaf's bytes: JSON with sorted keys, no spaces, times in UTC milliseconds. What
    /// the log hashes, and what the API serves.
    public func encoded() -> Data {
        // Encoding a struct of strings, numbers and a date cannot fail.
        (try? Self.encoder.encode(self)) ?? Data()
    }

    /// An entry from the bytes of a leaf.
    public init(decoding data: Data) throws {
        self = try Self.decoder.decode(ReviewEntry.self, from: data)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder.document
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(timeFormat.format(date))
        }
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = try? timeFormat.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a UTC time with milliseconds"))
            }
            return date
        }
        return decoder
    }()

    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
