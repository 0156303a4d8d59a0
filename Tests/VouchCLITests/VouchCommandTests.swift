import Foundation
import Testing
import VouchTestSupport

/// Runs the built `vouch` executable as a user would, and checks its output and exit codes.
@Suite struct VouchCommandTests {
    func vouch(_ arguments: String..., input: String? = nil) throws -> VouchRun {
        try VouchRun(arguments, input: input)
    }

    @Test func probesAClipAsJSON() throws {
        let result = try vouch("probe", try MediaFixture.clip.path, "--json")
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let streams = try #require(json["streams"] as? [[String: Any]])
        #expect(streams.count == 2)
        #expect(streams.first?["codec"] as? String == "h264")
    }

    @Test(arguments: [MediaFixture.empty, .randomBytes, .textFile, .truncated, .damagedMoov, .audioOnly, .absurdDimensions, .zeroDuration, .playlist])
    func refusesBrokenInputWithExitCode65(fixture: MediaFixture) throws {
        let result = try vouch("probe", try fixture.path)
        #expect(result.status == 65)
        #expect(result.errors.hasPrefix("error: \(try fixture.path): "))
        #expect(result.output.isEmpty)
    }

    @Test func reportsTruncationWhenDecoding() throws {
        let result = try vouch("decode", try MediaFixture.truncatedFaststart.path, "--fps", "1")
        #expect(result.status == 65)
        #expect(result.errors.contains("cut short"))
    }

    @Test func reportsErrorsAsJSONWhenAsked() throws {
        let result = try vouch("probe", try MediaFixture.textFile.path, "--json")
        #expect(result.status == 65)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: String])
        #expect(json["error"] == "unrecognized-format")
    }

    @Test func aMissingFileExitsWith66() throws {
        #expect(try vouch("probe", "/nonexistent.mp4").status == 66)
    }

    @Test func decodesSampledFramesAsJSONLines() throws {
        let result = try vouch("decode", try MediaFixture.clip.path, "--fps", "2", "--size", "32")
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 8)
        #expect(lines.first?.contains(#""width":32"#) == true)
    }

    @Test func helpListsTheSubcommands() throws {
        let result = try vouch("--help")
        #expect(result.status == 0)
        for name in ["probe", "decode", "bench"] {
            #expect(result.output.contains(name))
        }
    }
}

/// The fingerprinting subcommands, run on generated clips.
@Suite struct FingerprintCommandTests {
    let cli = VouchCommandTests()

    @Test func fingerprintsAClipAsVPDQLines() throws {
        let result = try cli.vouch("fingerprint", try MediaFixture.clip.path, "--format", "vpdq")
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 4, "4 s at vPDQ's one hash a second")
        let fields = try #require(lines.first).split(separator: ",")
        #expect(fields.count == 4 && fields[2].count == 64 && fields[3] == "0.000")
    }

    @Test func aClipMatchesItsTrimmedCopy() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let copy = directory.appendingPathComponent("trimmed.mp4").path
        try FFmpegCLI.run(["-v", "error", "-y", "-ss", "1", "-i", try MediaFixture.clip.path, "-vf", "scale=160:120", "-c:v", "libx264", copy])
        let result = try cli.vouch("compare", copy, try MediaFixture.clip.path, "--json")
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["match"] as? Bool == true)
        let segment = try #require((json["segments"] as? [[String: Any]])?.first)
        #expect(abs((segment["offset"] as? Double ?? 0) - 1) < 0.3)
    }

    @Test func matchPrintsOneLinePerPairAboveTheFloor() throws {
        let references = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-refs-\(UUID().uuidString)")
        let queries = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-queries-\(UUID().uuidString)")
        for directory in [references, queries] { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(atPath: try MediaFixture.clip.path, toPath: references.appendingPathComponent("original.mp4").path)
        try FFmpegCLI.run(["-v", "error", "-y", "-i", try MediaFixture.clip.path, "-vf", "hflip", "-c:v", "libx264", queries.appendingPathComponent("mirrored.mp4").path])
        try FileManager.default.copyItem(atPath: try MediaFixture.halfWhite.path, toPath: queries.appendingPathComponent("other.mp4").path)
        let result = try cli.vouch("match", "--references", references.path, "--queries", queries.path)
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect((json["query"] as? String)?.hasSuffix("mirrored.mp4") == true)
        #expect(json["match"] as? Bool == true)
        #expect((json["segments"] as? [[String: Any]])?.first?["symmetry"] as? String == "mirror")
    }
}

/// Settings files: partial ones take the defaults, typos are named, variables and options win.
@Suite struct SettingsFileTests {
    let cli = VouchCommandTests()

    func settings(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-settings-\(UUID().uuidString).json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func missingKeysTakeTheirDefaults() throws {
        let tight = try settings(#"{"media": {"limits": {"maxDurationSeconds": 2}}}"#)
        let refused = try cli.vouch("probe", try MediaFixture.clip.path, "--config", tight)
        #expect(refused.status == 65)
        #expect(refused.errors.contains("over the limit of 2.00 s"))
        let loose = try settings(#"{"media": {"limits": {"maxDurationSeconds": 30}}}"#)
        #expect(try cli.vouch("probe", try MediaFixture.clip.path, "--config", loose).status == 0, "every other limit keeps its default")
    }

    @Test func variablesOverrideTheFileAndOptionsOverrideBoth() throws {
        let file = try settings(#"{"media": {"limits": {"maxDurationSeconds": 30}, "decoder": {"threads": 1}}}"#)
        let tight = try VouchRun(["probe", try MediaFixture.clip.path, "--config", file], environment: ["VOUCH_MEDIA_LIMITS_MAX_DURATION_SECONDS": "2"])
        #expect(tight.status == 65 && tight.errors.contains("over the limit of 2.00 s"), "the variable wins over the file")

        func decoderThreads(_ options: [String]) throws -> Int? {
            let run = try VouchRun(["bench", "decode", try MediaFixture.clip.path, "--config", file, "--repeat", "1", "--ffmpeg", "", "--json"] + options,
                                   environment: ["VOUCH_MEDIA_DECODER_THREADS": "2"])
            #expect(run.status == 0, "\(run.errors)")
            return (try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])?["threads"] as? Int
        }
        #expect(try decoderThreads([]) == 2, "the variable wins over the file")
        #expect(try decoderThreads(["--threads", "3"]) == 3, "the option wins over the variable")

        let misspelt = try VouchRun(["probe", try MediaFixture.clip.path, "--config", file], environment: ["VOUCH_MEDIA_LIMITS_MAX_DURATION": "2"])
        #expect(misspelt.status != 0 && misspelt.errors.contains("VOUCH_MEDIA_LIMITS_MAX_DURATION names no setting"))
    }

    @Test func anUnknownKeyIsNamed() throws {
        let typo = try settings(#"{"media": {"limits": {"maxPixel": 100}}}"#)
        let result = try cli.vouch("probe", try MediaFixture.clip.path, "--config", typo)
        #expect(result.status != 0)
        #expect(result.errors.contains("unknown setting 'media.limits.maxPixel'"))
    }
}

/// `vouch bench demand`: trusted demand recovers the true ranking that a Sybil farm
/// overturns in raw counts (a smaller market than the benchmark's, same shape).
@Suite struct DemandBenchTests {
    @Test func trustedDemandIgnoresTheFarmThatRawCountsPutFirst() throws {
        let run = try VouchRun(["bench", "demand", "--honest", "3000", "--sybils", "6000", "--attack-edges", "30", "--json"])
        #expect(run.status == 0, "\(run.errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let rawRanks = try #require(report["pushedRawRanks"] as? [Int])
        let trustedRanks = try #require(report["pushedTrustedRanks"] as? [Int])
        #expect(rawRanks.allSatisfy { $0 <= 3 }, "raw counts put the pushed products first")
        #expect(trustedRanks.allSatisfy { $0 > 10 }, "trusted counts keep them out of the top ten")
        #expect((report["trustedTau"] as? Double ?? 0) >= 0.9)
        #expect((report["rawTau"] as? Double ?? 1) < (report["trustedTau"] as? Double ?? 0))
        #expect(report["burstsOnPushedProducts"] as? Int == 3 && report["burstsElsewhere"] as? Int == 0)
    }
}
