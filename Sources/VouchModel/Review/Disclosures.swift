/// What a review must disclose about how it came to be, in the terms of the FTC rule on
/// reviews (16 CFR 465) and the EU Omnibus Directive: whether the reviewer bought the
/// product, was rewarded for reviewing it, or stands close to the brand. Shoppers see these
/// as labels; the trust-weighted rating discounts by them (`Docs/scoring.md`).
public struct Disclosures: Sendable, Hashable, Codable {
    /// Whether the platform saw the reviewer buy the product.
    public var verifiedPurchase: Bool
    public var incentive: Incentive
    public var relationship: Relationship
    public var source: Source

    public init(verifiedPurchase: Bool = false, incentive: Incentive = .none, relationship: Relationship = .none, source: Source = .organic) {
        self.verifiedPurchase = verifiedPurchase
        self.incentive = incentive
        self.relationship = relationship
        self.source = source
    }

    /// What the reviewer received for reviewing.
    public enum Incentive: String, Sendable, Hashable, Codable, CaseIterable {
        case none
        case freeProduct = "free-product"
        case discount
        case payment
        case sweepstakes
    }

    /// How the reviewer relates to the product's maker or seller.
    public enum Relationship: String, Sendable, Hashable, Codable, CaseIterable {
        case none
        case employee
        case brand
        case affiliate
        case family
    }

    /// How the review was solicited.
    public enum Source: String, Sendable, Hashable, Codable, CaseIterable {
        case organic
        case invited
        case samplingCampaign = "sampling-campaign"
    }

    /// Rewarded in any way for the review.
    public var isIncentivised: Bool { incentive != .none }

    /// Written by someone with a material connection to the brand.
    public var isInsider: Bool { relationship != .none }

    /// How much the review counts in the trust-weighted rating, before its authenticity
    /// score: 1 for an independent review, less for a rewarded one, nothing for the brand
    /// or its people rating themselves. Labelled reviews are shown, never hidden; only
    /// their weight changes.
    public var ratingWeight: Double {
        let reward: Double = switch incentive {
        case .none: 1
        case .freeProduct, .discount, .sweepstakes: 0.5
        case .payment: 0.25
        }
        let connection: Double = switch relationship {
        case .none: 1
        case .affiliate: 0.25
        case .employee, .brand, .family: 0
        }
        return reward * connection
    }
}
