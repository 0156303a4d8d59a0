import Foundation
import VouchMedia

/// The human-readable form of a probe.
struct ProbeReport {
    let info: MediaInfo

    init(_ info: MediaInfo) {
        self.info = info
    }

    var text: String {
        var lines = ["\(info.path)", "  container  \(info.container) (\(info.containerDescription)), \(info.sizeBytes) bytes"]
        if let duration = info.durationSeconds { lines.append("  duration   \(String(format: "%.3f", duration)) s") }
        for stream in info.streams {
            lines.append("  stream \(stream.index)   \(describe(stream))\(stream.index == info.videoStreamIndex ? "  [decoded]" : "")")
        }
        for (key, value) in info.tags.sorted(by: { $0.key < $1.key }) {
            lines.append("  tag        \(key)=\(value)")
        }
        return lines.joined(separator: "\n")
    }

    private func describe(_ stream: StreamInfo) -> String {
        var parts = ["\(stream.kind.rawValue) \(stream.codec)"]
        if let profile = stream.profile { parts.append(profile) }
        if let width = stream.width, let height = stream.height { parts.append("\(width)×\(height)") }
        if let pixelFormat = stream.pixelFormat { parts.append(pixelFormat) }
        if let rate = stream.frameRate { parts.append(String(format: "%.3g fps", rate)) }
        if let rotation = stream.rotation, rotation != 0 { parts.append("rotated \(rotation)° clockwise for display") }
        if stream.mirrored == true { parts.append("mirrored") }
        if let rate = stream.sampleRate { parts.append("\(rate) Hz") }
        if let channels = stream.channels { parts.append("\(channels) ch") }
        if let frames = stream.frameCount { parts.append("\(frames) frames") }
        return parts.joined(separator: ", ")
    }
}
