/// One caption shown over a review video between two times: plain text only, so that nothing a
/// platform sent can become markup in a shopper's browser.
public struct CaptionCue: Sendable, Equatable, Codable {
    /// When the caption appears, in milliseconds from the start of the video.
    public var start: Int
    /// When the caption disappears, in milliseconds from the start of the video; after `start`.
    public var end: Int
    /// The caption's plain text: no markup, character references decoded, lines separated by
    /// "\n", none of them empty.
    public var text: String
    /// The platform's name for the cue, kept so players can refer to it; never shown.
    public var identifier: String?

    public init(start: Int, end: Int, text: String, identifier: String? = nil) {
        self.start = start
        self.end = end
        self.text = text
        self.identifier = identifier
    }
}
