/// The `media` section of `Config/vouch.json`: limits for untrusted input and decoder tuning.
public struct MediaSettings: Sendable, Codable, Equatable {
    public var limits: MediaLimits
    public var decoder: DecoderOptions

    public init(limits: MediaLimits = MediaLimits(), decoder: DecoderOptions = DecoderOptions()) {
        self.limits = limits
        self.decoder = decoder
    }
}
