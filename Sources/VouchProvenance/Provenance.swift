/// What a clip's C2PA content credentials say, once verified: the one document the
/// pipeline, the store, the API, the moderator UI and the review log carry.
///
/// A credential is evidence only when it is intact and its signer is trusted; an intact
/// credential from an unknown signer is reported (`untrusted`) but earns nothing, while
/// its AI declaration still counts, since nobody forges a label against themselves.
public struct Provenance: Sendable, Codable, Equatable {
    public enum State: String, Sendable, Codable, CaseIterable {
        /// No C2PA manifest in the file (never signed, or stripped by a remux).
        case absent
        /// Intact, and signed by a chain ending at a configured trust anchor.
        case valid
        /// Intact, but the signer's chain does not end at a trust anchor.
        case untrusted
        /// The file changed after signing, a signature or hash fails, or the manifest is malformed.
        case invalid
    }

    public var state: State
    /// The signing certificate's subject common name (or organisation).
    public var signer: String?
    /// The signing certificate's issuer organisation (or common name).
    public var issuer: String?
    /// The claim generator: the camera, app or model that wrote the manifest.
    public var generator: String?
    /// The IPTC digital source type of the `c2pa.created` action, as its last path component
    /// (`digitalCapture`, `trainedAlgorithmicMedia`, …).
    public var digitalSourceType: String?
    /// Whether the manifest declares the content generated or composited by a trained model.
    public var aiGenerated: Bool
    /// The action labels of the active manifest (`c2pa.created`, `c2pa.edited`, …).
    public var actions: [String]
    /// Why the state is not `valid`, for moderators; nil when valid or absent.
    public var reason: String?

    public init(state: State, signer: String? = nil, issuer: String? = nil, generator: String? = nil,
                digitalSourceType: String? = nil, aiGenerated: Bool = false, actions: [String] = [], reason: String? = nil) {
        self.state = state
        self.signer = signer
        self.issuer = issuer
        self.generator = generator
        self.digitalSourceType = digitalSourceType
        self.aiGenerated = aiGenerated
        self.actions = actions
        self.reason = reason
    }

    public static let absent = Provenance(state: .absent)

    /// IPTC source types that mean a trained model made or composited the content.
    public static let aiSourceTypes: Set<String> = ["trainedAlgorithmicMedia", "compositeWithTrainedAlgorithmicMedia"]

    /// Whether this clip was captured by a trusted device: a trusted, intact credential
    /// whose creation is a capture, not a generation.
    public var isTrustedCapture: Bool {
        state == .valid && !aiGenerated && (digitalSourceType.map { ["digitalCapture", "computationalCapture"].contains($0) } ?? false)
    }
}
