import ArgumentParser
import Foundation
import VouchCommandLine
import VouchDecoding
import VouchMedia

/// `vouch probe`: what a clip holds, and whether Vouch accepts it.
struct ProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Report a clip's container, streams, rotation and tags, and check it against the limits.",
        discussion: "Exits 0 when the clip is accepted, 65 when it is unreadable or over a limit, 66 when it is missing."
    )

    @Argument(help: "The video file to probe.")
    var file: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    @OptionGroup var settings: SettingsOptions

    func run() throws {
        let limits = try settings.load().media.limits
        let info = try withMediaErrorsReported(json: json) { try MediaFile.probe(file, limits: limits) }
        print(json ? try JSONOutput.string(info) : ProbeReport(info).text)
    }
}
