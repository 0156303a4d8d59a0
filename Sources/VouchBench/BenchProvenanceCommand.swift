import ArgumentParser
import Foundation
import VouchProvenance

/// `vouch bench provenance`: C2PA verification time per clip, beside c2pa-python's Reader in the same run.
struct BenchProvenanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provenance",
        abstract: "Time C2PA credential verification per clip against c2pa-python's Reader.",
        discussion: """
            Verifies FILE --rounds times in this process (after one warm-up), then has \
            c2pa-python's Reader (Scripts/lib/c2pa_fixtures.py bench, in --python) read it as many \
            times in its own process with the same trust list, and prints each one's mean wall time \
            and CPU time per clip (all threads of each process), both verdicts and the ratios. The \
            c2pa-python figures are taken inside its process, so interpreter start-up is not \
            counted against it. CPU time is the figure to compare on a shared machine. \
            Scripts/bench-provenance makes a 30 s 720p signed clip and runs this on it.
            """
    )

    @Argument(help: "A C2PA-signed MP4 or MOV.")
    var file: String

    @Option(name: .customLong("trust-anchors"), help: "A PEM file of trust anchors.")
    var trustAnchors: String

    @Option(help: "Verifications to time, for each side.")
    var rounds = 20

    @Option(help: "The Python with c2pa-python installed.")
    var python = ".build/venv/bin/python"

    @Option(help: "The fixture script with the c2pa-python `bench` subcommand.")
    var script = "Scripts/lib/c2pa_fixtures.py"

    func run() async throws {
        let verifier = try ProvenanceVerifier(trustAnchorFiles: [trustAnchors])
        let url = URL(fileURLWithPath: file)
        let verdict = await verifier.verify(fileAt: url)
        let clock = ContinuousClock()
        let cpuStart = CPUClock.ownSeconds()
        let start = clock.now
        for _ in 0..<max(1, rounds) { _ = await verifier.verify(fileAt: url) }
        let wall = (clock.now - start).seconds / Double(max(1, rounds))
        let cpu = (CPUClock.ownSeconds() - cpuStart) / Double(max(1, rounds))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "bench", trustAnchors, file, "\(max(1, rounds))"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("\(python) \(script) bench exited \(process.terminationStatus)") }
        struct Reference: Decodable { var seconds: Double; var cpuSeconds: Double; var state: String }
        let reference = try JSONDecoder().decode(Reference.self, from: data)

        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        print(String(format: "file: %@ (%.1f MB)", file, Double(size) / 1e6))
        print("vouch:       \(verdict.state.rawValue)\(verdict.reason.map { " (\($0))" } ?? "")")
        print("c2pa-python: \(reference.state)")
        print(String(format: "vouch:       %.2f ms a clip wall, %.2f ms CPU (%d rounds)", wall * 1000, cpu * 1000, rounds))
        print(String(format: "c2pa-python: %.2f ms a clip wall, %.2f ms CPU (Reader, %d rounds, in-process)",
                     reference.seconds * 1000, reference.cpuSeconds * 1000, rounds))
        print(String(format: "ratio: vouch takes %.2f× c2pa-python's CPU time, %.2f× its wall time",
                     cpu / reference.cpuSeconds, wall / reference.seconds))
    }
}
