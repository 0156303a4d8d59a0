import Foundation
import Testing
import VouchMedia
import VouchPipeline
import VouchTestSupport

/// The rendition child, run as the worker runs it: inside the sandbox, writing only its
/// two outputs, and a hostile clip costing a typed error rather than the caller.
@Suite struct IsolatedRendererTests {
    static let child = IsolatedRenderer(command: [VouchExecutable.url.path, "render"])

    @Test func theChildRemuxesAClipInsideEveryLayerAndWritesBothOutputs() async throws {
        try await withOutputs { video, poster in
            var limits = ChildLimits.rendition(seconds: 4)
            limits.requiredSandboxLayers = SandboxLayer.allCases
            let request = RenditionRequest(input: try MediaFixture.clip.path, video: video, poster: poster, limits: limits,
                                           maxOutputBytes: 64 << 20)
            let answer = try await Self.child.render(request)
            #expect(answer.report.method == .remux)
            #expect(answer.sandbox?.active == SandboxLayer.allCases, "\(answer.sandbox.map(String.init(describing:)) ?? "no report")")
            let written = try FileManager.default.attributesOfItem(atPath: video)[.size] as? Int64
            #expect(written == answer.report.videoBytes && answer.report.videoBytes > 0)
            let jpeg = try Data(contentsOf: URL(fileURLWithPath: poster))
            #expect(jpeg.prefix(2) == Data([0xFF, 0xD8]) && Int64(jpeg.count) == answer.report.posterBytes)
        }
    }

    @Test func theChildTranscodesInsideEveryLayer() async throws {
        try await withOutputs { video, poster in
            let input = URL(fileURLWithPath: video).deletingLastPathComponent().appendingPathComponent("input.mkv").path
            try FFmpegCLI.run(["-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=2", "-f", "lavfi",
                               "-i", "sine=f=440:d=2", "-c:v", "mpeg4", "-c:a", "libmp3lame", "-shortest", input])
            var limits = ChildLimits.rendition(seconds: 2)
            limits.requiredSandboxLayers = SandboxLayer.allCases
            let request = RenditionRequest(input: input, video: video, poster: poster, limits: limits, maxOutputBytes: 64 << 20)
            let answer = try await Self.child.render(request)
            #expect(answer.report.method == .transcode && answer.report.audioCodec == "aac")
            #expect((answer.report.width, answer.report.height) == (320, 240))
            #expect(answer.sandbox?.active == SandboxLayer.allCases)
        }
    }

    @Test func anOutputOverTheFileSizeLimitStopsTheChildAndLeavesNothing() async throws {
        try await withOutputs { video, poster in
            let request = RenditionRequest(input: try MediaFixture.clip.path, video: video, poster: poster,
                                           limits: .rendition(seconds: 4), maxOutputBytes: 4096)
            let error = try await #require(throws: PipelineError.self) { try await Self.child.render(request) }
            #expect(error == .childCrashed(signal: SIGXFSZ))
            #expect(!FileManager.default.fileExists(atPath: video) && !FileManager.default.fileExists(atPath: poster))
        }
    }

    @Test(arguments: [MediaFixture.randomBytes, .truncated, .textFile])
    func aHostileClipIsRejectedNotACrashOfTheCaller(_ fixture: MediaFixture) async throws {
        try await withOutputs { video, poster in
            let request = RenditionRequest(input: try fixture.path, video: video, poster: poster, limits: .rendition(seconds: 4),
                                           maxOutputBytes: 64 << 20)
            let error = try await #require(throws: PipelineError.self) { try await Self.child.render(request) }
            guard case .rejectedMedia = error else { Issue.record("got \(error)"); return }
        }
    }

    private func withOutputs(_ body: (String, String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-render-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(folder.appendingPathComponent("video.mp4").path, folder.appendingPathComponent("poster.jpg").path)
    }
}
