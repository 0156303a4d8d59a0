import ArgumentParser
import Foundation
import VouchCommandLine
import VouchDecoding
import VouchMedia

/// `vouch decode`: the sampled frames of a clip, as the fingerprinting receives them.
struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode a clip's sampled frames: upright 8-bit luma, at the requested rate and size.",
        discussion: "Prints one JSON line per frame. With --output, also writes each frame as a PGM image."
    )

    @Argument(help: "The video file to decode.")
    var file: String

    @OptionGroup var sampling: SamplingOptions

    @Option(help: "A directory to write frames into, as frame-<n>.pgm.", completion: .directory)
    var output: String?

    @OptionGroup var settings: SettingsOptions

    func run() throws {
        let media = try settings.load().media
        if let output { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) }
        var index = 0
        let statistics = try withMediaErrorsReported(json: false) {
            try MediaFile(path: file, limits: media.limits).sampleFrames(sampling.sampling, options: media.decoder) { frame in
                let mean = Double(frame.pixels.reduce(0) { $0 + Int($1) }) / Double(frame.pixels.count)
                print(try JSONOutput.string(FrameLine(frame: index, timestamp: frame.timestamp, width: frame.width, height: frame.height, meanLuma: mean), pretty: false))
                if let output {
                    try PGM.data(of: frame).write(to: URL(fileURLWithPath: output).appendingPathComponent(String(format: "frame-%04d.pgm", index)))
                }
                index += 1
            }
        }
        FileHandle.standardError.write(Data("decoded \(statistics.framesDecoded) frames, delivered \(statistics.framesDelivered), dropped \(statistics.packetsDropped) of \(statistics.packetsRead) packets\n".utf8))
    }

    private struct FrameLine: Encodable {
        var frame: Int
        var timestamp: Double
        var width: Int
        var height: Int
        var meanLuma: Double
    }
}

/// Netpbm's greyscale format: the simplest image any viewer opens.
enum PGM {
    static func data(of frame: LumaFrame) -> Data {
        Data("P5\n\(frame.width) \(frame.height)\n255\n".utf8) + Data(frame.pixels)
    }
}
