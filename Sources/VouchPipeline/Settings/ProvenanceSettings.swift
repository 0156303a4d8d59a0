import VouchProvenance

/// Whose C2PA content credentials Vouch trusts: `provenance` in `Config/vouch.json`.
public struct ProvenanceSettings: Sendable, Codable, Equatable {
    /// PEM files of the trust anchors (camera makers', capture SDKs' and generators' CAs).
    /// Relative paths are read from the working directory. None: every signer is `untrusted`.
    public var trustAnchors: [String] = []

    public init() {}

    /// The verifier over the configured anchors; a missing or unreadable file is an error at start-up, not a silent empty list.
    public func verifier() throws -> ProvenanceVerifier {
        try ProvenanceVerifier(trustAnchorFiles: trustAnchors)
    }
}
