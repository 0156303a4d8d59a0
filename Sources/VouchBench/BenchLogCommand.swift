import ArgumentParser
import Foundation
import VouchCommandLine
import VouchEncoding
import VouchLog
import VouchStore

/// `vouch bench log`: the review log's append rate and proof latency, on the store given.
struct BenchLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Measure review-log appends per second and inclusion-proof latency on a large log.",
        discussion: """
            Appends review entries shaped like the pipeline's (about 330 bytes) to the store's log: \
            first --single appends each in its own transaction, as each published clip is; then \
            batches of --batch in one transaction each until the log holds --entries. Then times \
            --proofs inclusion proofs of random leaves, and a quarter as many consistency proofs, \
            against the full tree, verifying every one. Use a fresh --data directory; a log already \
            at --entries is reused as it is.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Entries the log should hold before proofs are timed.")
    var entries = 10_000_000

    @Option(help: "Entries appended one transaction each.")
    var single = 2_000

    @Option(help: "Entries per transaction for the rest.")
    var batch = 1_000

    @Option(help: "Inclusion proofs to time.")
    var proofs = 2_000

    func run() async throws {
        let opened = try await Store.open(try store.location)
        var generator = FastRandom(seed: 11)
        let clock = ContinuousClock()
        var size = try await opened.logSize()
        if size == 0 {
            let start = clock.now
            for _ in 0..<min(single, entries) { try await opened.appendToLog([Self.entry(using: &generator)]) }
            let seconds = (clock.now - start).seconds
            print(String(format: "single appends: %d in %.2f s, %.0f appends/s (one transaction each)", single, seconds, Double(single) / seconds))
            size = Int64(min(single, entries))
        }
        if size < entries {
            let start = clock.now
            let first = size
            var lastReport = start
            while size < entries {
                let count = min(batch, entries - Int(size))
                try await opened.appendToLog((0..<count).map { _ in Self.entry(using: &generator) })
                size += Int64(count)
                if (clock.now - lastReport).seconds > 30 {
                    lastReport = clock.now
                    print(String(format: "  … %d entries, %.0f appends/s so far", size, Double(size - first) / (clock.now - start).seconds))
                }
            }
            let seconds = (clock.now - start).seconds
            print(String(format: "batched appends: %d in %.1f s, %.0f appends/s (%d per transaction)", size - first, seconds,
                         Double(size - first) / seconds, batch))
        }
        try await timeProofs(opened, size: size, using: &generator)
        try await opened.close()
    }

    private func timeProofs(_ store: Store, size: Int64, using generator: inout FastRandom) async throws {
        let head = try await store.logHead()
        let clock = ContinuousClock()
        let warmStart = clock.now
        _ = try await store.inclusionProof(leaf: 0, treeSize: size)
        print(String(format: "first proof, reading the upper nodes into memory: %.1f ms", (clock.now - warmStart).seconds * 1000))
        var wall: [Double] = []
        var failures = 0
        let cpuStart = CPUClock.ownSeconds()
        for _ in 0..<proofs {
            let leaf = Int64.random(in: 0..<size, using: &generator)
            let start = clock.now
            let proof = try await store.inclusionProof(leaf: leaf, treeSize: size)
            wall.append((clock.now - start).seconds)
            guard let entry = try await store.logEntries(from: leaf, limit: 1).first,
                  proof.verify(leaf: .leaf(entry.entry), root: head.root) else { failures += 1; continue }
        }
        let cpu = CPUClock.ownSeconds() - cpuStart
        let inclusion = LatencyFigures(wall: wall, cpu: [])
        print(String(format: "inclusion proofs at %d entries: %d, p50 %.3f ms, p99 %.3f ms, mean %.3f ms, max %.3f ms; %d failed to verify; %.1f CPU ms each with the check",
                     size, proofs, inclusion.p50 * 1000, inclusion.p99 * 1000, inclusion.mean * 1000, (wall.max() ?? 0) * 1000, failures,
                     cpu * 1000 / Double(max(proofs, 1))))
        var consistencyWall: [Double] = []
        for _ in 0..<max(1, proofs / 4) {
            let old = Int64.random(in: 1...size, using: &generator)
            let start = clock.now
            _ = try await store.consistencyProof(from: old, to: size)
            consistencyWall.append((clock.now - start).seconds)
        }
        let consistency = LatencyFigures(wall: consistencyWall, cpu: [])
        print(String(format: "consistency proofs to %d entries: %d, p50 %.3f ms, p99 %.3f ms", size, consistencyWall.count,
                     consistency.p50 * 1000, consistency.p99 * 1000))
    }

    /// An entry shaped like the pipeline's: digests, a product, a verdict, a score, a time.
    private static func entry(using generator: inout FastRandom) -> Data {
        func hex(_ generator: inout FastRandom) -> String {
            (0..<4).flatMap { _ in withUnsafeBytes(of: generator.next().bigEndian, Array.init) }.hexEncodedString
        }
        return ReviewEntry(event: .published, status: .published, clip: Int64(generator.next() >> 20), clipSHA256: hex(&generator),
                           fingerprintSHA256: hex(&generator), reviewerBinding: hex(&generator),
                           product: "product-\(generator.next() % 10_000)", verdict: .original,
                           score: Double(generator.next() % 1_000_000) / 1_000_000, time: Date()).encoded()
    }
}
