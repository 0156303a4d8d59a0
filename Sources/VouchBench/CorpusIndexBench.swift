import Foundation
import VouchFingerprint
import VouchIndex

/// `vouch bench index --corpus DIR`: the accuracy corpus's real fingerprints through
/// the index, family by family, against the all-pairs matcher.
///
/// The references are indexed among generated clips; each query asks the index for
/// candidates and verifies them with the matcher through a ``FingerprintProvider``.
/// A family's copies that the matcher accepts all-pairs but the index never proposes
/// are what the index costs in recall.
struct CorpusIndexBench {
    var directory: String
    var matcher: TemporalMatcher
    var settings: IndexSettings

    /// One transform family's recall, three ways.
    struct Family: Encodable {
        var family: String
        var copies: Int
        var allPairs: Double
        var candidate: Double
        var verified: Double
    }

    private struct Truth: Decodable {
        var queries: [String: Entry]

        struct Entry: Decodable {
            var reference: String?
            var family: String
        }
    }

    /// The references, by clip id, from a dictionary the index never sees.
    private struct Store: FingerprintProvider {
        var fingerprints: [Int64: VideoFingerprint]

        func fingerprint(ofClip clipID: Int64) async throws -> VideoFingerprint? {
            fingerprints[clipID]
        }
    }

    func run(filler: SyntheticIndexCorpus) async throws -> (families: [Family], falseMatches: Int) {
        let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent("truth.json")))
        let references = try fingerprints(in: "references")
        let ids = Dictionary(uniqueKeysWithValues: references.keys.sorted().enumerated().map { ($0.element, Int64(filler.clips + $0.offset)) })
        let store = Store(fingerprints: Dictionary(uniqueKeysWithValues: references.map { (ids[$0.key]!, $0.value) }))
        let clips = (0..<filler.clips).lazy.map { (clipID: Int64($0), fingerprint: filler.reference($0)) }
        let index = try NearDuplicateIndex(loading: clips, settings: settings)
        for (name, id) in ids.sorted(by: { $0.value < $1.value }) { try await index.insert(clipID: id, fingerprint: references[name]!) }
        var tallies: [String: (copies: Int, allPairs: Int, candidate: Int, verified: Int)] = [:]
        var falseMatches = 0
        for (name, query) in try fingerprints(in: "queries") {
            guard let entry = truth.queries[name + ".mp4"] else { continue }
            let verified = try await index.matches(for: query, verifiedBy: store, using: matcher).map(\.clipID)
            guard let referenceName = entry.reference.map({ String($0.dropLast(4)) }), let id = ids[referenceName] else {
                falseMatches += verified.count
                continue
            }
            falseMatches += verified.filter { $0 != id }.count
            let candidates = await index.candidates(for: query).map(\.clipID)
            var tally = tallies[entry.family] ?? (0, 0, 0, 0)
            tally.copies += 1
            if matcher.compare(query, with: references[referenceName]!).isMatch { tally.allPairs += 1 }
            if candidates.contains(id) { tally.candidate += 1 }
            if verified.contains(id) { tally.verified += 1 }
            tallies[entry.family] = tally
        }
        let families = tallies.sorted { $0.key < $1.key }.map { family, tally in
            Family(family: family, copies: tally.copies, allPairs: Double(tally.allPairs) / Double(tally.copies),
                   candidate: Double(tally.candidate) / Double(tally.copies), verified: Double(tally.verified) / Double(tally.copies))
        }
        return (families, falseMatches)
    }

    /// The saved `.vfp` fingerprints of one side of the corpus, by clip name.
    private func fingerprints(in side: String) throws -> [String: VideoFingerprint] {
        let folder = URL(fileURLWithPath: directory).appendingPathComponent("vouch").appendingPathComponent(side)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".vfp") }
        return try Dictionary(uniqueKeysWithValues: names.map { name in
            (String(name.dropLast(4)), try VideoFingerprint(binary: Data(contentsOf: folder.appendingPathComponent(name))))
        })
    }

    static func markdown(_ families: [Family], falseMatches: Int) -> String {
        func f(_ value: Double) -> String { String(format: "%.2f", value) }
        let copies = families.reduce(0) { $0 + $1.copies }
        func overall(_ value: KeyPath<Family, Double>) -> String {
            f(families.reduce(0) { $0 + $1[keyPath: value] * Double($1.copies) } / Double(max(copies, 1)))
        }
        return (["| family | copies | all-pairs matcher | index candidates | index + verification |", "|---|---|---|---|---|"]
            + families.map { "| \($0.family) | \($0.copies) | \(f($0.allPairs)) | \(f($0.candidate)) | \(f($0.verified)) |" }
            + ["| all | \(copies) | \(overall(\.allPairs)) | \(overall(\.candidate)) | \(overall(\.verified)) |",
               "", "false matches after verification: \(falseMatches)"]).joined(separator: "\n")
    }
}
