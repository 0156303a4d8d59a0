import Foundation
import VouchIndex

/// The figures of `vouch bench index`, as JSON or as the tables of `Docs/benchmarks.md`.
struct IndexBenchReport: Encodable {
    var clips, frames, hashes, probeRadius, radius: Int
    var seed: UInt64
    var buildCPUSeconds: Double
    /// Bytes the index's arrays hold, per stored hash.
    var indexBytesPerHash: Double
    /// Resident memory the load added, per stored hash.
    var residentBytesPerHash: Double
    var peakResidentMegabytes = 0.0
    var latency = LatencyFigures(wall: [], cpu: [])
    var profiles: [ProfileFigures] = []
    var exact = ExactFigures()
    var inserts = InsertFigures(inserts: 0, latency: LatencyFigures(wall: [], cpu: []), foundByNextQuery: 0, mergeTailSeconds: 0)
    var faiss: [FAISSFigures] = []

    var markdown: String {
        var lines = [
            "\(clips) clips × \(frames) frames = \(hashes) hashes; radius \(radius), probe radius \(probeRadius), seed \(seed)",
            "",
            "| build (CPU s) | index bytes / hash | resident bytes / hash | peak resident | clip query p50 | p99 | clip queries / CPU s | clip recall vs brute force |",
            "|---|---|---|---|---|---|---|---|",
            "| \(f(buildCPUSeconds, 1)) | \(f(indexBytesPerHash, 1)) | \(f(residentBytesPerHash, 1)) | \(f(peakResidentMegabytes / 1024, 2)) GiB "
                + "| \(f(latency.p50 * 1000, 2)) ms | \(f(latency.p99 * 1000, 2)) ms | \(f(latency.queriesPerCPUSecond, 0)) "
                + "| \(f(exact.clipRecall, 3)) (\(exact.clipsFound)/\(exact.clips), \(exact.queries) queries) |",
            "",
            "| query profile | queries | planted copy found (unrelated: no candidate) |",
            "|---|---|---|",
        ]
        lines += profiles.map { "| \($0.profile.rawValue) | \($0.queries) | \(f($0.found, 3)) |" }
        lines += ["", "| frame pairs at distance | " + ExactFigures.bands.map { "\($0.lowerBound)–\($0.upperBound)" }.joined(separator: " | ") + " |",
                  "|---|" + String(repeating: "---|", count: ExactFigures.bands.count),
                  "| found / brute force | " + zip(exact.pairsFound, exact.pairs).map { "\(f(Double($0) / Double(max($1, 1)), 3)) (\($1))" }.joined(separator: " | ") + " |"]
        lines += ["", "inserts: \(inserts.inserts), p50 \(f(inserts.latency.p50 * 1000, 2)) ms, p99 \(f(inserts.latency.p99 * 1000, 2)) ms; "
                  + "found by the next query: \(f(inserts.foundByNextQuery, 3)); merges still running after the last insert: \(f(inserts.mergeTailSeconds, 2)) s"]
        if !faiss.isEmpty {
            lines += ["", "| same \(faiss[0].queries) queries | build (CPU s) | clip queries / CPU s | Vouch × | frame pairs | clips vs flat |", "|---|---|---|---|---|---|"]
            lines += faiss.map { "| FAISS \($0.index) | \(f($0.buildCPUSeconds, 1)) | \(f($0.queriesPerCPUSecond, 3)) | \(f($0.vouchSpeedup, 0)) | \($0.pairs) | \(f($0.clipRecallVsFlat, 3)) |" }
        }
        return lines.joined(separator: "\n")
    }

    private func f(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}

/// Percentiles of one call's time.
struct LatencyFigures: Encodable {
    var p50, p99, mean, queriesPerCPUSecond: Double

    init(wall: [Double], cpu: [Double]) {
        let sorted = wall.sorted()
        p50 = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        p99 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)]
        mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
        queriesPerCPUSecond = cpu.isEmpty ? 0 : Double(cpu.count) / cpu.reduce(0, +)
    }
}

/// How often one profile's planted copy was among the candidates.
struct ProfileFigures: Encodable {
    var profile: SyntheticIndexCorpus.Profile
    var queries: Int
    var found: Double
}

/// The index against brute force, on the same queries.
struct ExactFigures: Encodable {
    static let bands = [0...7, 8...15, 16...23, 24...31]
    var queries = 0
    var clips = 0
    var clipsFound = 0
    var pairs = Array(repeating: 0, count: bands.count)
    var pairsFound = Array(repeating: 0, count: bands.count)

    var clipRecall: Double { clips == 0 ? 1 : Double(clipsFound) / Double(clips) }

    /// Counts brute force's pairs by distance band, and those the index found too.
    mutating func count(found: [FrameHit], all: [FrameHit]) {
        let found = Set(found)
        for hit in all {
            guard let band = Self.bands.firstIndex(where: { $0.contains(hit.distance) }) else { continue }
            pairs[band] += 1
            if found.contains(hit) { pairsFound[band] += 1 }
        }
    }
}

/// Inserts into the loaded index.
struct InsertFigures: Encodable {
    var inserts: Int
    var latency: LatencyFigures
    var foundByNextQuery: Double
    var mergeTailSeconds: Double
}

/// One FAISS index on the same rows and queries.
struct FAISSFigures: Encodable {
    var index: String
    var queries: Int
    var buildCPUSeconds: Double
    var queriesPerCPUSecond: Double
    /// Vouch's clip queries per CPU-second over FAISS's, on the same queries.
    var vouchSpeedup: Double
    var pairs: Int
    /// The clips FAISS flat's pairs give (minimum votes of distinct frames) that this index's give too.
    var clipRecallVsFlat: Double

    init(_ result: FAISSIndexBench.Result, flat: FAISSIndexBench.Result?, vouchCPUSeconds: Double) {
        index = result.index
        queries = result.queries.count
        buildCPUSeconds = result.buildCPUSeconds
        let seconds = result.queries.reduce(0) { $0 + $1.cpuSeconds }
        queriesPerCPUSecond = Double(queries) / seconds
        vouchSpeedup = seconds / vouchCPUSeconds
        pairs = result.queries.reduce(0) { $0 + $1.pairs }
        let reference = flat?.queries ?? result.queries
        let expected = reference.reduce(0) { $0 + $1.clips.count }
        let kept = zip(reference, result.queries).reduce(0) { $0 + Set($1.0.clips).intersection($1.1.clips).count }
        clipRecallVsFlat = expected == 0 ? 1 : Double(kept) / Double(expected)
    }
}
