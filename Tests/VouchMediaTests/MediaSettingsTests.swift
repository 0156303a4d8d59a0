import Foundation
import Testing
import VouchMedia

@Suite struct MediaSettingsTests {
    private struct SettingsFile: Decodable {
        var media: MediaSettings
    }

    @Test func theShippedSettingsFileDecodes() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Config/vouch.json")
        let settings = try JSONDecoder().decode(SettingsFile.self, from: Data(contentsOf: url)).media
        #expect(settings.limits.maxFileBytes == 256 << 20)
        #expect(settings.limits.maxPixels == 3840 * 2160)
        #expect(settings.limits.allowedContainers.contains("mov"))
        #expect(settings.decoder.shortcuts == .recommended)
    }

    @Test func anUnknownShortcutIsNamedInTheError() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(DecoderOptions.self, from: Data(#"{"threads": 1, "shortcuts": ["skip-everything"]}"#.utf8))
        }
    }

    @Test func shortcutsRoundTripByName() throws {
        let data = try JSONEncoder().encode(DecoderOptions(threads: 2, shortcuts: [.skipLoopFilter]))
        #expect(try JSONDecoder().decode(DecoderOptions.self, from: data) == DecoderOptions(threads: 2, shortcuts: [.skipLoopFilter]))
    }
}
