import ArgumentParser
import Foundation
import VouchCommandLine
import VouchFingerprint

/// `vouch bench fingerprint`: seconds of video fingerprinted per CPU-second, against vPDQ.
struct BenchFingerprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fingerprint",
        abstract: "Seconds of video fingerprinted per CPU-second, against vPDQ's computeHash in the same run.",
        discussion: """
            Runs Vouch's fingerprinting (decode, content box, PDQ and its dihedral variants) at the \
            configured rate and at vPDQ's one hash a second, and `vpdq.computeHash(FILE, seconds_per_hash=1)` \
            in a Python child process, minus the CPU time of importing vpdq alone. Medians of --repeat rounds. \
            The last row decodes the configured rate's frames and hashes nothing: the ceiling that \
            decoding alone sets.
            """
    )

    @OptionGroup var bench: BenchOptions

    @Option(help: "The Python with the vpdq package; empty to skip vPDQ.")
    var python = "python3"

    @OptionGroup var settings: SettingsOptions

    func run() throws {
        let loaded = try settings.load()
        let file = bench.file
        let info = try withMediaErrorsReported(json: bench.json) { try loaded.clipFingerprinter.videoSeconds(of: file) }
        var oneASecond = loaded.fingerprint
        oneASecond.framesPerSecond = 1
        let rate = loaded.fingerprint.framesPerSecond.formatted()
        let oneASecondPrinter = ClipFingerprinter(media: loaded.media, fingerprint: oneASecond)
        let paths: [(String, (String) throws -> Void)] = [
            ("Vouch, \(rate) frames/s", { _ = try loaded.clipFingerprinter.fingerprint($0) }),
            ("Vouch, 1 frame/s", { _ = try oneASecondPrinter.fingerprint($0) }),
            ("Vouch decoding alone, \(rate) frames/s (the ceiling)", loaded.clipFingerprinter.decodeOnly),
        ]
        var times = Array(repeating: [Double](), count: paths.count)
        var vpdqTimes: [Double] = []
        for _ in 0..<bench.rounds {
            if !python.isEmpty {
                vpdqTimes.append(try childCPU(["-c", "import vpdq; vpdq.computeHash(\(pythonString(file)), seconds_per_hash=1.0)"])
                    - childCPU(["-c", "import vpdq"]))
            }
            for (index, path) in paths.enumerated() {
                let start = CPUClock.ownSeconds()
                try path.1(file)
                times[index].append(CPUClock.ownSeconds() - start)
            }
        }
        var rows = paths.enumerated().map { index, path in
            FingerprintBenchRow(path: path.0, cpuSeconds: median(times[index]), videoSeconds: info)
        }
        if !vpdqTimes.isEmpty {
            rows.insert(FingerprintBenchRow(path: "vPDQ computeHash, 1 frame/s", cpuSeconds: median(vpdqTimes), videoSeconds: info), at: 0)
        }
        let reference = vpdqTimes.isEmpty ? nil : median(vpdqTimes)
        if bench.json {
            print(try JSONOutput.string(rows.map { $0.withRatio(to: reference) }))
        } else {
            print("\(file): \(String(format: "%.1f", info)) s of video, median of \(bench.rounds)\n")
            print("| path | CPU s | video s / CPU s | × vPDQ |\n|---|---|---|---|")
            for row in rows.map({ $0.withRatio(to: reference) }) {
                print("| \(row.path) | \(String(format: "%.2f", row.cpuSeconds)) | \(String(format: "%.1f", row.videoSecondsPerCPUSecond)) | \(row.ratioToVPDQ.map { String(format: "%.2f", $0) } ?? "–") |")
            }
        }
    }

    private func childCPU(_ arguments: [String]) throws -> Double {
        let run = try CPUClock.childSeconds(running: python, arguments)
        guard run.status == 0 else {
            throw ValidationError("\(python) could not run vpdq (exit \(run.status)); `pip install vpdq`, or pass --python ''")
        }
        return run.seconds
    }

    private func pythonString(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

}

/// One path's figures in `vouch bench fingerprint`.
struct FingerprintBenchRow: Encodable {
    var path: String
    var cpuSeconds: Double
    var videoSecondsPerCPUSecond: Double
    var ratioToVPDQ: Double?

    init(path: String, cpuSeconds: Double, videoSeconds: Double) {
        self.path = path
        self.cpuSeconds = cpuSeconds
        videoSecondsPerCPUSecond = videoSeconds / cpuSeconds
    }

    func withRatio(to reference: Double?) -> FingerprintBenchRow {
        var row = self
        row.ratioToVPDQ = reference.map { $0 / cpuSeconds }
        return row
    }
}
