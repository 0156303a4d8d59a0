/// The `media` section of `Config/vouch.json`: limits for untrusted input and decoder tuning.
public struct MediaSettings: Sendable, Codable, Equatable {
    public var limits: MediaLimits
    public var decoder: DecoderOptions

    public init(limits: MediaLimits = MediaLimits(), decoder: DecoderOptions = DecoderOptions()) {
        self.limits = limits
        self.decoder = decoder
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        limits = try container.decodeIfPresent(MediaLimits.self, forKey: .limits) ?? MediaLimits()
        self.decoder = try container.decodeIfPresent(DecoderOptions.self, forKey: .decoder) ?? DecoderOptions()
    }
}
