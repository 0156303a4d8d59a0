import Foundation

/// A pre-order campaign: a merchant asks whether enough real people want a product (or a
/// variant of it) to make it, and counts shoppers' `preorder` signals within the window as
/// intent, de-duplicated by person across platforms and weighted by trust.
public struct Campaign: Sendable, Equatable, Decodable {
    public var id: Int64
    /// The platform that sells the product: its webhooks hear `demand.threshold`.
    public var platformID: String
    public var product: String
    /// The design variant asked about ("" for the product as such).
    public var variant: String
    public var title: String
    /// Trusted pre-orders at which the campaign succeeds.
    public var threshold: Double
    public var opensAt: Date
    public var closesAt: Date
    /// As last recomputed.
    public var raw: Int64
    public var trusted: Double
    public var people: Int
    /// When trusted intent first reached the threshold.
    public var crossedAt: Date?

    public func isOpen(at now: Date) -> Bool { opensAt <= now && now < closesAt }
}

extension Campaign: StoredRecord {}

/// What a merchant asks for when opening a campaign.
public struct NewCampaign: Sendable, Equatable {
    public var platformID: String
    public var product: String
    public var variant: String
    public var title: String
    public var threshold: Double
    public var opensAt: Date
    public var closesAt: Date

    public init(platformID: String, product: String, variant: String = "", title: String, threshold: Double, opensAt: Date, closesAt: Date) {
        self.platformID = platformID
        self.product = product
        self.variant = variant
        self.title = title
        self.threshold = threshold
        self.opensAt = opensAt
        self.closesAt = closesAt
    }
}
