import Foundation
import Testing
import VouchFingerprint
import VouchTestSupport

/// `vouch match --common`: pairs that share only an end card are no match; a stolen
/// excerpt beside it still is, its end card listed apart.
@Suite struct MatchCommonContentTests {
    @Test func commonContentIsSetAsideAsThePipelineDoes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-common-\(UUID().uuidString)")
        let clips = directory.appendingPathComponent("clips"), common = directory.appendingPathComponent("common")
        for folder in [clips, common] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(at: directory) }
        let endCard = SyntheticFootage.piece(seed: 7000, seconds: 3)
        let victimFootage = SyntheticFootage.piece(seed: 1, seconds: 12)
        let files: [(String, VideoFingerprint)] = [
            ("a-honest.vfp", SyntheticFootage.clip([victimFootage, endCard], noiseSeed: 1)),
            ("b-honest.vfp", SyntheticFootage.clip([SyntheticFootage.piece(seed: 2, seconds: 10), endCard], noiseSeed: 2)),
            ("c-thief.vfp", SyntheticFootage.clip([SyntheticFootage.piece(seed: 3, seconds: 6), victimFootage.excerpt(3...8), endCard], noiseSeed: 3)),
        ]
        for (name, fingerprint) in files { try fingerprint.binary().write(to: clips.appendingPathComponent(name)) }
        try endCard.binary().write(to: common.appendingPathComponent("end-card.vfp"))

        let pairs = { (arguments: [String]) throws -> [String: [String: Any]] in
            let result = try VouchRun(["match", "--references", clips.path, "--queries", clips.path] + arguments)
            #expect(result.status == 0, "\(result.errors)")
            var matched: [String: [String: Any]] = [:]
            for line in result.output.split(separator: "\n") {
                let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                guard json["match"] as? Bool == true else { continue }
                let names = [json["query"], json["reference"]].compactMap { ($0 as? String).map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } }
                matched[names.joined(separator: "→")] = json
            }
            return matched
        }
        let plain = try pairs([])
        #expect(plain["b-honest→a-honest"] != nil, "without --common the end card alone is a match")
        let discounted = try pairs(["--common", common.path])
        #expect(Set(discounted.keys) == ["c-thief→a-honest", "a-honest→c-thief"], "\(discounted.keys.sorted())")
        let thief = try #require(discounted["c-thief→a-honest"])
        #expect((thief["segments"] as? [[String: Any]])?.count == 1)
        #expect((thief["commonSegments"] as? [[String: Any]])?.count == 1)
    }
}
