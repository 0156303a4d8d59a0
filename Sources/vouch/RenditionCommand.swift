import ArgumentParser
import Foundation
import VouchCommandLine
import VouchDecoding
import VouchMedia

/// `vouch rendition`: a clip's web rendition and poster, made in this process.
///
/// The same code the isolated `render` child runs, without the sandbox, for operators
/// who want to see what a clip becomes and for `Scripts/bench-rendition`.
struct RenditionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rendition",
        abstract: "Make a clip's fast-start H.264 MP4 and poster JPEG, as the worker does (not sandboxed).",
        discussion: "Exits 0 when both are written, 65 when the clip is unreadable or over a limit, 66 when it is missing."
    )

    @Argument(help: "The video file to render.")
    var file: String

    @Option(help: "Where to write the MP4.")
    var video: String

    @Option(help: "Where to write the poster JPEG.")
    var poster: String

    @Option(help: "x264's constant rate factor when transcoding.")
    var crf = RenditionSettings().crf

    @Option(help: "x264's preset when transcoding.")
    var preset = RenditionSettings().preset

    @Option(help: "x264 threads when transcoding; 0 lets x264 choose.")
    var threads = RenditionSettings().threads

    @Flag(help: "Print the report as JSON.")
    var json = false

    @OptionGroup var settings: SettingsOptions

    func run() throws {
        let limits = try settings.load().media.limits
        var rendition = RenditionSettings()
        rendition.crf = crf
        rendition.preset = preset
        rendition.threads = threads
        let maker = RenditionMaker(limits: limits, settings: rendition)
        let report = try withMediaErrorsReported(json: json) { try maker.make(from: file, video: video, poster: poster) }
        print(json ? try JSONOutput.string(report) : Self.text(report))
    }

    private static func text(_ report: RenditionReport) -> String {
        let sound = report.audioCodec.map { " + \($0)" } ?? ", no sound"
        let turn = report.rotation == 0 ? "" : ", turned \(report.rotation)° by its display matrix"
        return """
        \(report.method.rawValue): \(report.videoCodec)\(sound), \(report.width)×\(report.height)\(turn), \
        \(String(format: "%.2f", report.durationSeconds)) s, \(report.videoBytes) bytes
        poster: \(report.posterWidth)×\(report.posterHeight) at \(String(format: "%.2f", report.posterSeconds)) s, \(report.posterBytes) bytes
        """
    }
}
