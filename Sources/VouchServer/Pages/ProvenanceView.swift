import VouchProvenance

/// A clip's C2PA content credentials as the moderator's item page shows them.
struct ProvenanceView: Sendable {
    var state: String
    var read: Bool
    var signed: Bool
    var signer: String
    var issuer: String
    var generator: String
    var sourceType: String
    var aiGenerated: Bool
    var actions: String
    var reason: String?

    init(_ provenance: Provenance?) {
        read = provenance != nil
        let provenance = provenance ?? .absent
        state = provenance.state.rawValue
        signed = provenance.state != .absent
        signer = provenance.signer ?? "–"
        issuer = provenance.issuer ?? "–"
        generator = provenance.generator ?? "–"
        sourceType = provenance.digitalSourceType ?? "–"
        aiGenerated = provenance.aiGenerated
        actions = provenance.actions.isEmpty ? "–" : provenance.actions.joined(separator: ", ")
        reason = provenance.reason
    }
}
