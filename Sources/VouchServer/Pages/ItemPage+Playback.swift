import VouchFingerprint
import VouchStore

extension ItemPage {
    /// The held clip's and the matched clip's web renditions, to be played side by side:
    /// `Web/sync-playback.js` keeps the right one in step with the left along `segments`,
    /// so a moderator sees the copied moment beside the moment it copies.
    struct Playback: Sendable {
        struct Video: Sendable {
            var source: String
            var poster: String?
            var label: String
        }

        var left: Video
        var right: Video
        /// The alignment as the script reads it: per segment, `queryStart queryEnd speed offset`
        /// (`reference = speed × query + offset`), segments separated by `;`. Plain numbers only.
        var syncSegments: String

        /// The players, or why there are none: a clip without a rendition (analysed before
        /// media were kept, or whose rendering failed) has nothing to play.
        static func make(clip: Int64, media: ClipMedia?, matched: Int64, matchedMedia: ClipMedia?,
                         segments: [MatchSegment]) -> (Playback?, note: String?) {
            switch (media?.renditionKey, matchedMedia?.renditionKey) {
            case (let left?, let right?):
                let playback = Playback(
                    left: Video(source: source(left), poster: media?.posterKey.map(source), label: "Clip \(clip), the held clip"),
                    right: Video(source: source(right), poster: matchedMedia?.posterKey.map(source),
                                 label: "Clip \(matched), the clip it matched, following the alignment"),
                    syncSegments: data(segments))
                return (playback, nil)
            case (nil, nil): return (nil, "Neither clip has a web rendition to play.")
            case (nil, _): return (nil, "This clip has no web rendition to play.")
            case (_, nil): return (nil, "Clip \(matched) has no web rendition to play.")
            }
        }

        private static func source(_ key: String) -> String { "/moderate/media/\(key)" }

        /// Segments with a non-finite number are left out: the script would have nothing to map with.
        static func data(_ segments: [MatchSegment]) -> String {
            segments.map { [$0.queryStart, $0.queryEnd, $0.speed, $0.offset] }
                .filter { $0.allSatisfy(\.isFinite) }
                .map { $0.map { "\($0)" }.joined(separator: " ") }
                .joined(separator: ";")
        }
    }
}
