import ArgumentParser
import Foundation
import VouchFingerprint
import VouchIndex

/// FAISS's side of `vouch bench index`: the index's own rows and the same query
/// hashes go to `Scripts/lib/faiss_index_bench.py`, which range-searches them
/// with IndexBinaryFlat and IndexBinaryMultiHash on one core.
struct FAISSIndexBench {
    var python: String
    var script: String
    var multiHash: (tables: Int, bits: Int, flips: Int)

    /// One FAISS index's figures.
    struct Result: Decodable {
        var index: String
        var buildCPUSeconds: Double
        var queries: [Query]

        struct Query: Decodable {
            var cpuSeconds: Double
            var pairs: Int
            var clips: [Int64]
        }
    }

    private struct Request: Encodable {
        var radius: Int
        var minimumVotes: Int
        var probeCounts: [Int]
        var probeFrames: [[Int32]]
        var multiHash: [String: Int]
    }

    private struct Output: Decodable {
        var results: [Result]
    }

    /// Writes the inputs to a temporary folder, runs the script there, and reads its results.
    func run(on snapshot: IndexSnapshot, queries: [VideoFingerprint]) throws -> (results: [Result], childCPUSeconds: Double) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-faiss-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeRows(of: snapshot, to: folder)
        let probes = queries.map { snapshot.probeHashes(for: $0) }
        try Data(bytesOf: probes.flatMap { $0.map(\.hash) }).write(to: folder.appendingPathComponent("probes.bin"))
        let request = Request(
            radius: snapshot.settings.radius, minimumVotes: snapshot.settings.minimumVotes,
            probeCounts: probes.map(\.count), probeFrames: probes.map { $0.map(\.frame) },
            multiHash: ["tables": multiHash.tables, "bits": multiHash.bits, "flips": multiHash.flips]
        )
        try JSONEncoder().encode(request).write(to: folder.appendingPathComponent("request.json"))
        let run = try CPUClock.childSeconds(running: python, [script, folder.path])
        guard run.status == 0 else {
            throw ValidationError("\(python) could not run FAISS (exit \(run.status)); `pip install faiss-cpu numpy`, or pass --python ''")
        }
        let output = try JSONDecoder().decode(Output.self, from: Data(contentsOf: folder.appendingPathComponent("result.json")))
        return (output.results, run.seconds)
    }

    /// codes.bin, 32 bytes a row, and clips.bin, each row's clip id as an Int32: streamed, a million rows at a time.
    private func writeRows(of snapshot: IndexSnapshot, to folder: URL) throws {
        for name in ["codes.bin", "clips.bin"] {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil)
        }
        let codes = try FileHandle(forWritingTo: folder.appendingPathComponent("codes.bin"))
        let clips = try FileHandle(forWritingTo: folder.appendingPathComponent("clips.bin"))
        defer {
            try? codes.close()
            try? clips.close()
        }
        var hashes: [SIMD4<UInt64>] = []
        var owners: [Int32] = []
        func flush() {
            codes.write(Data(bytesOf: hashes))
            clips.write(Data(bytesOf: owners))
            hashes.removeAll(keepingCapacity: true)
            owners.removeAll(keepingCapacity: true)
        }
        snapshot.forEachStoredHash { hash, clipID in
            hashes.append(hash)
            owners.append(Int32(truncatingIfNeeded: clipID))
            if hashes.count == 1 << 20 { flush() }
        }
        flush()
    }
}

extension Data {
    /// The elements' bytes as they lie in memory: little-endian on every platform Vouch runs on.
    init<Element>(bytesOf elements: [Element]) {
        self = elements.withUnsafeBytes { Data($0) }
    }
}
