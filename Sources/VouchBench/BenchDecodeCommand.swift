import ArgumentParser
import Foundation
import VouchCommandLine
import VouchDecoding
import VouchMedia

/// `vouch bench decode`: seconds of video decoded per CPU-second on the sampled path,
/// against FFmpeg's own full decode, with each decode shortcut measured alone.
struct BenchDecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Seconds of video decoded per CPU-second on the sampled-frame path, against the ffmpeg CLI.",
        discussion: """
            Runs `ffmpeg -v error -threads 1 -i FILE -f null -` and Vouch's sampled decode in one process, \
            each --repeat times, and reports median CPU time. Every shortcut is measured alone and together; \
            fidelity is the mean absolute luma difference of each path's frames from a decode without shortcuts, \
            at the delivered size and at full resolution.
            """
    )

    @OptionGroup var bench: BenchOptions

    @OptionGroup var sampling: SamplingOptions

    @Option(help: "Decoder threads (0: FFmpeg chooses). Defaults to the settings file's media.decoder.threads.")
    var threads: Int?

    @Option(help: "The ffmpeg executable to compare against; empty to skip it.")
    var ffmpeg = "ffmpeg"

    @OptionGroup var settings: SettingsOptions

    func run() throws {
        let media = try settings.load().media
        let limits = media.limits
        let threadCount = threads ?? media.decoder.threads
        let file = bench.file
        let info = try withMediaErrorsReported(json: bench.json) { try MediaFile.probe(file, limits: limits) }
        let videoSeconds = info.video.durationSeconds ?? info.durationSeconds ?? 0
        let candidates: [(String, DecodeShortcuts)] = [("no shortcuts", [])]
            + DecodeShortcuts.names.map { ($0.0, $0.1) }
            + [("all shortcuts", .all)]
        var ffmpegTimes: [Double] = []
        var runs = Array(repeating: PathRuns(), count: candidates.count)
        for _ in 0..<bench.rounds {
            if !ffmpeg.isEmpty { ffmpegTimes.append(try timeFFmpeg()) }
            for (index, candidate) in candidates.enumerated() {
                try runs[index].record(decoding: file, sampling.sampling, DecoderOptions(threads: threadCount, shortcuts: candidate.1), limits: limits)
            }
        }
        let reference = ffmpegTimes.isEmpty ? nil : median(ffmpegTimes)
        let baselineFull = try frames(DecoderOptions(threads: threadCount, shortcuts: []), size: .original, limits: limits)
        var results: [DecodePathResult] = []
        for (index, (name, shortcuts)) in candidates.enumerated() {
            let run = runs[index]
            let cpuSeconds = median(run.cpuSeconds)
            let full = shortcuts.isEmpty ? baselineFull : try frames(DecoderOptions(threads: threadCount, shortcuts: shortcuts), size: .original, limits: limits)
            results.append(DecodePathResult(
                path: name,
                shortcuts: shortcuts.names,
                cpuSeconds: cpuSeconds,
                videoSecondsPerCPUSecond: videoSeconds / cpuSeconds,
                ratioToFFmpeg: reference.map { $0 / cpuSeconds },
                framesDelivered: run.frames.count,
                packetsDropped: run.statistics.packetsDropped,
                framesDecoded: run.statistics.framesDecoded,
                deliveredSizeDifference: FrameDifference(run.frames, runs[0].frames),
                fullResolutionDifference: FrameDifference(full, baselineFull)
            ))
        }
        let report = DecodeBenchReport(
            file: file, videoSeconds: videoSeconds, framesPerSecond: sampling.fps, size: sampling.size,
            threads: threadCount, repeats: bench.rounds,
            ffmpegCPUSeconds: reference, ffmpegVideoSecondsPerCPUSecond: reference.map { videoSeconds / $0 },
            paths: results
        )
        print(bench.json ? try JSONOutput.string(report) : report.table)
    }

    private func frames(_ options: DecoderOptions, size: FrameSize, limits: MediaLimits) throws -> [LumaFrame] {
        var frames: [LumaFrame] = []
        let request = FrameSampling(framesPerSecond: sampling.fps, size: size)
        try MediaFile(path: bench.file, limits: limits).sampleFrames(request, options: options) { frames.append($0) }
        return frames
    }

    private func timeFFmpeg() throws -> Double {
        let run = try CPUClock.childSeconds(running: ffmpeg, ["-nostdin", "-v", "error", "-threads", "1", "-i", bench.file, "-f", "null", "-"])
        guard run.status == 0 else {
            throw ValidationError("'\(ffmpeg)' failed on \(bench.file) (exit \(run.status)); pass --ffmpeg '' to skip the comparison")
        }
        return run.seconds
    }

}

/// The CPU times of one decode path across rounds, and its frames from the last round.
private struct PathRuns {
    var cpuSeconds: [Double] = []
    var frames: [LumaFrame] = []
    var statistics = DecodeStatistics()

    mutating func record(decoding file: String, _ sampling: FrameSampling, _ options: DecoderOptions, limits: MediaLimits) throws {
        var frames: [LumaFrame] = []
        let start = CPUClock.ownSeconds()
        statistics = try MediaFile(path: file, limits: limits).sampleFrames(sampling, options: options) { frames.append($0) }
        cpuSeconds.append(CPUClock.ownSeconds() - start)
        self.frames = frames
    }
}
