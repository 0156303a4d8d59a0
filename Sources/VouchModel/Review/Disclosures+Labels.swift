extension Disclosures {
    /// The disclosures in the words shoppers read beside the review, material ones first.
    /// An organic, unrewarded review by a stranger to the brand has only its purchase label.
    public var labels: [String] {
        var labels: [String] = []
        switch relationship {
        case .none: break
        case .employee: labels.append("Works for the brand")
        case .brand: labels.append("Posted by the brand")
        case .affiliate: labels.append("Earns commission from the brand")
        case .family: labels.append("Family of the brand's people")
        }
        switch incentive {
        case .none: break
        case .freeProduct: labels.append("Received the product free")
        case .discount: labels.append("Received a discount for reviewing")
        case .payment: labels.append("Paid to review")
        case .sweepstakes: labels.append("Entered into a sweepstakes for reviewing")
        }
        switch source {
        case .organic: break
        case .invited: labels.append("Invited to review")
        case .samplingCampaign: labels.append("From a sampling campaign")
        }
        if verifiedPurchase { labels.append("Verified purchase") }
        return labels
    }
}
