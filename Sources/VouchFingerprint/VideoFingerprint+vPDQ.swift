import Foundation

/// vPDQ's text format, so hashes can be shared with ThreatExchange tools:
/// one line per frame, `frameNumber,quality,hex,timestamp` with three decimals.
extension VideoFingerprint {
    /// Why a vPDQ text could not be read.
    public struct VPDQFormatError: Error, CustomStringConvertible {
        public var line: Int
        public var text: String
        public var description: String { "line \(line) is not a vPDQ hash line (frameNumber,quality,hex,timestamp): '\(text)'" }
    }

    /// The frames as vPDQ lines, one a second at the whole seconds where vPDQ
    /// samples, so ThreatExchange's matcher (which counts matched query frames)
    /// sees the same sampling as its own. vPDQ hashes whole frames, so where
    /// Vouch cut a content box the whole-frame hash is exported.
    public var vpdqText: String {
        var lastSecond = -1
        let oneASecond = frames.filter { frame in
            let second = Int((frame.timestamp + 0.05).rounded(.down))
            guard second > lastSecond else { return false }
            lastSecond = second
            return true
        }
        return oneASecond.map { frame in
            let frameNumber = sourceFrameRate > 0 ? Int((frame.timestamp * sourceFrameRate).rounded()) : 0
            return "\(frameNumber),\(frame.quality),\((frame.fullFrame ?? frame.pdq).hex),\(String(format: "%.3f", frame.timestamp))"
        }.joined(separator: "\n") + "\n"
    }

    /// Reads the C++ tools' `frameNumber,quality,hex,timestamp` lines, or the Python
    /// CLI's `hex,quality,timestamp` lines. The sampling rate is inferred from the timestamps.
    public init(vpdqText text: String, sourceFrameRate: Double = 0) throws {
        var frames: [FrameHash] = []
        for (number, rawLine) in text.split(whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let parsed: (hex: String, quality: String, time: String)? = switch fields.count {
            case 4...: (fields[2], fields[1], fields[3])
            case 3: (fields[0], fields[1], fields[2])
            default: nil
            }
            guard let parsed, let hash = PDQHash(hex: parsed.hex), let quality = Int(parsed.quality), let time = Double(parsed.time) else {
                throw VPDQFormatError(line: number + 1, text: String(line.prefix(120)))
            }
            frames.append(FrameHash(timestamp: time, quality: quality, pdq: hash))
        }
        frames.sort { $0.timestamp < $1.timestamp }
        let steps = zip(frames, frames.dropFirst()).map { $1.timestamp - $0.timestamp }.filter { $0 > 0 }.sorted()
        let step = steps.isEmpty ? 1 : steps[steps.count / 2]
        self.init(
            framesPerSecond: 1 / step, sourceFrameRate: sourceFrameRate,
            duration: (frames.last?.timestamp ?? 0) + step, frames: frames
        )
    }
}
