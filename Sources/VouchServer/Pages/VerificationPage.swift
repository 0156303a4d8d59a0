import Foundation
import VouchModel
import VouchPipeline

/// `/how-reviews-are-verified`: what the EU Omnibus Directive asks a trader to tell
/// consumers (whether and how it checks that reviews come from people who used the
/// product), written from this server's live configuration rather than from a brochure,
/// so what it says is what the pipeline does.
struct VerificationPage: Sendable {
    var title = "How reviews are verified"
    var maxDuration: String
    var containers: String
    var weights: [Weight]
    var identity: [Line]
    var trustedSigners: Int
    var sweep: Int
    var threshold: String
    var reupload: String
    var disclosureWeights: [Line]

    /// A part of the score and its share.
    struct Weight: Sendable {
        var name: String
        var share: String
        var meaning: String
    }

    /// A named figure.
    struct Line: Sendable {
        var name: String
        var value: String
    }

    init(configuration: PipelineConfiguration) {
        let scoring = configuration.scoring
        let total = scoring.identityWeight + scoring.originalityWeight + scoring.trustWeight
        let share = { (weight: Double) in PageFormat.percent(total > 0 ? weight / total : 0) }
        maxDuration = "\(Int(configuration.media.limits.maxDurationSeconds)) seconds"
        containers = configuration.media.limits.allowedContainers.joined(separator: ", ")
        weights = [
            Weight(name: "Identity assurance", share: share(scoring.identityWeight),
                   meaning: "How surely the reviewer is who their platform says: the platform's signed attestation, a verified purchase, the reviewer's own signature, the account's age, and a camera's content credentials."),
            Weight(name: "Originality", share: share(scoring.originalityWeight),
                   meaning: "Whether the footage is the reviewer's own: every clip is fingerprinted and compared with everything indexed before, including re-encoded, cropped, mirrored, trimmed and captioned copies, and with brand and stock footage."),
            Weight(name: "Reviewer trust", share: share(scoring.trustWeight),
                   meaning: "How far the people around the reviewer are trusted (trust flows from established accounts through follows and friendships, never from a ring of new ones), and their moderation record."),
        ]
        identity = [
            Line(name: "A platform's signed attestation", value: PageFormat.percent(scoring.attestedBase)),
            Line(name: "A verified purchase", value: "+" + PageFormat.percent(scoring.verifiedPurchaseBonus)),
            Line(name: "The reviewer's own signature", value: "+" + PageFormat.percent(scoring.reviewerSignatureBonus)),
            Line(name: "An account \(Int(scoring.matureAccountDays)) days old or older", value: "+" + PageFormat.percent(scoring.accountAgeBonus)),
            Line(name: "Footage signed by a trusted camera (C2PA)", value: "+" + PageFormat.percent(scoring.trustedCaptureBonus)),
        ]
        trustedSigners = configuration.provenance.trustAnchors.count
        sweep = configuration.pipeline.productSweep
        threshold = String(format: "%.2f", configuration.index.matching.threshold)
        reupload = PageFormat.percent(scoring.selfReuploadOriginality)
        disclosureWeights = [
            Line(name: "An independent review", value: PageFormat.percent(Disclosures().ratingWeight)),
            Line(name: "A free product, a discount or a sweepstakes entry", value: PageFormat.percent(Disclosures(incentive: .freeProduct).ratingWeight)),
            Line(name: "Paid to review", value: PageFormat.percent(Disclosures(incentive: .payment).ratingWeight)),
            Line(name: "An affiliate of the brand", value: PageFormat.percent(Disclosures(relationship: .affiliate).ratingWeight)),
            Line(name: "The brand, its employees or their family", value: PageFormat.percent(Disclosures(relationship: .brand).ratingWeight)),
        ]
    }
}
