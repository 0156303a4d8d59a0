/// What one pass over a clip did: the evidence that shortcuts skipped work, and how much video was read.
public struct DecodeStatistics: Sendable, Codable, Equatable {
    public var packetsRead = 0
    public var packetsDropped = 0
    public var framesDecoded = 0
    public var framesDelivered = 0
    /// Packets or frames FFmpeg reported as corrupt; the decoder conceals them and goes on.
    public var decodeErrors = 0
    /// Seconds of video the demuxer delivered, up to the end of the last packet.
    public var secondsRead = 0.0

    public init() {}
}
