import Foundation
import VouchMedia

/// The result of `vouch bench decode`, as JSON or as the table `Docs/benchmarks.md` quotes.
struct DecodeBenchReport: Encodable {
    var file: String
    var videoSeconds: Double
    var framesPerSecond: Double
    var size: Int
    var threads: Int
    var repeats: Int
    var ffmpegCPUSeconds: Double?
    var ffmpegVideoSecondsPerCPUSecond: Double?
    var paths: [DecodePathResult]

    var table: String {
        var lines = [
            "\(file): \(String(format: "%.1f", videoSeconds)) s of video, sampled at \(framesPerSecond) fps, frames fitting \(size) px, \(threads) decoder threads (0 = auto), median of \(repeats)",
            "",
            "| path | CPU s | video s / CPU s | × ffmpeg | frames decoded | packets dropped | MAD at \(size) px (mean / max) | MAD at full size (mean / max) |",
            "|---|---|---|---|---|---|---|---|",
        ]
        if let cpu = ffmpegCPUSeconds, let rate = ffmpegVideoSecondsPerCPUSecond {
            lines.append("| ffmpeg -threads 1 -f null (full decode) | \(f(cpu)) | \(f(rate, 1)) | 1.00 | | | | |")
        }
        for path in paths {
            lines.append("| \(path.path) | \(f(path.cpuSeconds)) | \(f(path.videoSecondsPerCPUSecond, 1)) | \(path.ratioToFFmpeg.map { f($0) } ?? "–") | \(path.framesDecoded) | \(path.packetsDropped) | \(path.deliveredSizeDifference.text) | \(path.fullResolutionDifference.text) |")
        }
        return lines.joined(separator: "\n")
    }
}

/// One decode path's figures.
struct DecodePathResult: Encodable {
    var path: String
    var shortcuts: [String]
    var cpuSeconds: Double
    var videoSecondsPerCPUSecond: Double
    var ratioToFFmpeg: Double?
    var framesDelivered: Int
    var packetsDropped: Int
    var framesDecoded: Int
    var deliveredSizeDifference: FrameDifference
    var fullResolutionDifference: FrameDifference
}

/// How far one set of sampled frames is from another at the same timestamps.
struct FrameDifference: Encodable {
    var comparedFrames: Int
    var unmatchedFrames: Int
    var meanAbsoluteDifference: Double
    var maxAbsoluteDifference: Double

    init(_ frames: [LumaFrame], _ reference: [LumaFrame]) {
        let byTime = Dictionary(reference.map { ($0.timestamp, $0) }, uniquingKeysWith: { first, _ in first })
        let differences = frames.compactMap { frame in byTime[frame.timestamp].map { frame.meanAbsoluteDifference(to: $0) } }
        comparedFrames = differences.count
        unmatchedFrames = frames.count - differences.count
        meanAbsoluteDifference = differences.isEmpty ? 0 : differences.reduce(0, +) / Double(differences.count)
        maxAbsoluteDifference = differences.max() ?? 0
    }

    var text: String {
        "\(f(meanAbsoluteDifference)) / \(f(maxAbsoluteDifference))" + (unmatchedFrames > 0 ? " (\(unmatchedFrames) unmatched)" : "")
    }
}

private func f(_ value: Double, _ digits: Int = 2) -> String {
    String(format: "%.\(digits)f", value)
}
