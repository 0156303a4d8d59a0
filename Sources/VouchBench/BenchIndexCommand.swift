import ArgumentParser
import Foundation
import VouchCommandLine
import VouchFingerprint
import VouchIndex

/// `vouch bench index`: the near-duplicate index on a synthetic corpus with planted
/// copies, against brute force and FAISS on the same rows and queries.
struct BenchIndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build the index over generated clips with planted copies; time clip queries against brute force and FAISS.",
        discussion: """
            Clips are scenes of near-identical frames; queries take turns through the profiles of \
            SyntheticIndexCorpus (spread, close, far, mirrored, partial, unrelated). Each query frame \
            is looked up under its eight dihedral hashes. Latency is wall time of one query on one \
            thread; throughput ratios use CPU time, FAISS's from its own process_time around each \
            query's range searches, single-threaded. Brute force (every frame pair compared) and \
            FAISS run on the first queries only: at 30M hashes each takes seconds a query.
            """
    )

    @Option(help: "Clips indexed.")
    var clips = 1_000_000

    @Option(help: "Frames per clip and per query (2 a second).")
    var frames = 30

    @Option(help: "Clip queries timed.")
    var queries = 1_000

    @Option(help: "Queries also answered by brute force, for recall.")
    var exactQueries = 10

    @Option(help: "Queries also sent to FAISS; 0 skips FAISS.")
    var faissQueries = 10

    @Option(help: "Clips inserted after loading, each followed by a query for it.")
    var inserts = 200

    @Option(help: "Bits flipped in each probed chunk key: 0 (exact to distance 7) or 1 (exact to 15).")
    var probeRadius = 0

    @Option(help: "The largest distance reported as a frame hit; 31 is FAISS's and HMA's, the index's default is the matcher's frame radius.")
    var radius = 31

    @Option(help: "The generator's seed.")
    var seed: UInt64 = 1

    @Option(help: "The Python with faiss-cpu and numpy.")
    var python = "python3"

    @Option(help: "FAISS's side of the benchmark.")
    var faissScript = "Scripts/lib/faiss_index_bench.py"

    @Option(help: "IndexBinaryMultiHash tables, bits per table and bit flips probed; 0 tables skips it.")
    var multiHash: [Int] = [16, 16, 1]

    @Option(help: "An accuracy corpus (Scripts/accuracy/corpus.py, fingerprinted by evaluate.py): measure recall per transform family instead, with --clips generated clips around its references.", completion: .directory)
    var corpus: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    @OptionGroup var settingsOptions: SettingsOptions

    func validate() throws {
        guard clips > 0, frames >= 8, queries > 0, exactQueries >= 0, faissQueries >= 0, multiHash.count == 3 else {
            throw ValidationError("need clips, at least 8 frames, queries, and --multi-hash TABLES BITS FLIPS")
        }
    }

    func run() async throws {
        let corpus = SyntheticIndexCorpus(clips: clips, frames: frames, seed: seed)
        let loaded = try settingsOptions.load()
        let settings = IndexSettings(radius: radius, probeRadius: probeRadius, minimumQuality: loaded.fingerprint.minimumQuality, matching: loaded.fingerprint.matching)
        if let directory = self.corpus {
            let bench = CorpusIndexBench(directory: directory, matcher: loaded.matcher, settings: settings)
            let result = try await bench.run(filler: corpus)
            print(json ? try JSONOutput.string(result.families) : CorpusIndexBench.markdown(result.families, falseMatches: result.falseMatches))
            return
        }
        let residentBefore = CPUClock.residentMegabytes()
        let buildStart = CPUClock.ownSeconds()
        let index = try NearDuplicateIndex(loading: (0..<clips).lazy.map { (clipID: Int64($0), fingerprint: corpus.reference($0)) }, settings: settings)
        let buildSeconds = CPUClock.ownSeconds() - buildStart
        let snapshot = await index.snapshot
        var report = IndexBenchReport(
            clips: clips, frames: frames, hashes: snapshot.hashCount, probeRadius: probeRadius, radius: settings.radius, seed: seed,
            buildCPUSeconds: buildSeconds, indexBytesPerHash: Double(snapshot.memoryBytes) / Double(snapshot.hashCount),
            residentBytesPerHash: (CPUClock.residentMegabytes() - residentBefore) * 1_048_576 / Double(snapshot.hashCount)
        )
        let generated = (0..<queries).map { corpus.query($0) }
        let timings = generated.map { query in Self.time { snapshot.candidates(for: query.fingerprint) } }
        report.latency = LatencyFigures(wall: timings.map(\.wall), cpu: timings.map(\.cpu))
        report.profiles = SyntheticIndexCorpus.Profile.allCases.map { profile in
            let chosen = generated.indices.filter { generated[$0].profile == profile }
            let found = chosen.filter { number in generated[number].target.map { target in timings[number].result.contains { $0.clipID == Int64(target) } } ?? timings[number].result.isEmpty }
            return ProfileFigures(profile: profile, queries: chosen.count, found: Double(found.count) / Double(max(chosen.count, 1)))
        }
        report.exact = exactFigures(snapshot, generated.prefix(exactQueries).map(\.fingerprint))
        report.inserts = try await insertFigures(index, corpus)
        if faissQueries > 0, !python.isEmpty {
            let subset = Array(generated.prefix(faissQueries))
            let vouchSeconds = timings.prefix(faissQueries).reduce(0) { $0 + $1.cpu }
            let faiss = FAISSIndexBench(python: python, script: faissScript, multiHash: (multiHash[0], multiHash[1], multiHash[2]))
            let (results, _) = try faiss.run(on: snapshot, queries: subset.map(\.fingerprint))
            report.faiss = results.map { FAISSFigures($0, flat: results.first, vouchCPUSeconds: vouchSeconds) }
        }
        report.peakResidentMegabytes = CPUClock.peakResidentMegabytes()
        print(json ? try JSONOutput.string(report) : report.markdown)
    }

    /// Frame pairs and clips the index finds, against comparing every pair.
    private func exactFigures(_ snapshot: IndexSnapshot, _ queries: [VideoFingerprint]) -> ExactFigures {
        var figures = ExactFigures()
        for query in queries {
            let found = snapshot.frameHits(for: query)
            let all = snapshot.frameHits(for: query, exhaustive: true)
            figures.count(found: found, all: all)
            let foundClips = Set(snapshot.candidates(from: found).map(\.clipID))
            let allClips = Set(snapshot.candidates(from: all).map(\.clipID))
            figures.clips += allClips.count
            figures.clipsFound += allClips.intersection(foundClips).count
        }
        figures.queries = queries.count
        return figures
    }

    /// Inserts fresh clips one at a time, each followed by a query for a close copy of it.
    private func insertFigures(_ index: NearDuplicateIndex, _ corpus: SyntheticIndexCorpus) async throws -> InsertFigures {
        let fresh = SyntheticIndexCorpus(clips: clips + inserts, frames: frames, seed: seed)
        var latencies: [Double] = []
        var found = 0
        for clip in clips..<(clips + inserts) {
            let start = ContinuousClock.now
            try await index.insert(clipID: Int64(clip), fingerprint: fresh.reference(clip))
            latencies.append((ContinuousClock.now - start).seconds)
            let copy = fresh.query(clip, profile: .close, target: clip)
            if await index.candidates(for: copy.fingerprint).first?.clipID == Int64(clip) { found += 1 }
        }
        let start = ContinuousClock.now
        await index.mergesFinished()
        return InsertFigures(
            inserts: inserts, latency: LatencyFigures(wall: latencies, cpu: latencies),
            foundByNextQuery: Double(found) / Double(max(inserts, 1)), mergeTailSeconds: (ContinuousClock.now - start).seconds
        )
    }

    private static func time<Result>(_ body: () -> Result) -> (result: Result, wall: Double, cpu: Double) {
        let cpu = CPUClock.threadSeconds()
        let start = ContinuousClock.now
        let result = body()
        return (result, (ContinuousClock.now - start).seconds, CPUClock.threadSeconds() - cpu)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
