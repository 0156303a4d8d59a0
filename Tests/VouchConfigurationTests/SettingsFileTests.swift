import Foundation
import Testing
import VouchConfiguration

@Suite struct SettingsFileTests {
    @Test func aPartialFileIsLaidOverTheDefaults() throws {
        let fixture = try SettingsFileFixture()
        defer { fixture.remove() }
        let path = try fixture.write(#"{"server": {"port": 9090}, "media": {"limits": {"maxDurationSeconds": 30}}}"#)
        let settings = try VouchSettings(loading: SettingsFile(path: path, isRequired: true), environment: [:])
        #expect(settings.server.port == 9090)
        #expect(settings.media.limits.maxDurationSeconds == 30)
        #expect(settings.server.host == VouchSettings().server.host, "what the file leaves out keeps its default")
        #expect(settings.media.limits.maxPixels == VouchSettings().media.limits.maxPixels)
    }

    @Test func anAbsentDefaultFileMeansTheDefaultsButANamedOneMustExist() throws {
        let fixture = try SettingsFileFixture()
        defer { fixture.remove() }
        let absent = fixture.directory.appendingPathComponent("absent.json").path
        let defaults = try VouchSettings(loading: SettingsFile(path: absent, isRequired: false), environment: [:])
        #expect(defaults.server.port == VouchSettings().server.port)
        #expect(throws: SettingsError.missingFile(path: absent)) {
            try VouchSettings(loading: SettingsFile(path: absent, isRequired: true), environment: [:])
        }
    }

    @Test func theOptionWinsOverTheVariableWhichWinsOverTheDefaultPath() {
        let both = SettingsFile(option: "given.json", environment: ["VOUCH_CONFIG": "env.json"])
        #expect(both == SettingsFile(path: "given.json", isRequired: true))
        #expect(SettingsFile(option: nil, environment: ["VOUCH_CONFIG": "env.json"]) == SettingsFile(path: "env.json", isRequired: true))
        #expect(SettingsFile(option: nil, environment: [:]) == SettingsFile(path: SettingsFile.defaultPath, isRequired: false))
    }

    @Test func anUnknownKeyIsNamedWithItsFile() throws {
        let fixture = try SettingsFileFixture()
        defer { fixture.remove() }
        let path = try fixture.write(#"{"media": {"limits": {"maxPixel": 100}}}"#)
        let error = SettingsError.unknownSetting(path: path, key: "media.limits.maxPixel")
        #expect(throws: error) { try VouchSettings(loading: SettingsFile(path: path, isRequired: true), environment: [:]) }
        #expect(error.description == "settings file '\(path)' is not valid: unknown setting 'media.limits.maxPixel'")
    }

    @Test func aValueOfTheWrongTypeIsNamedByItsKey() throws {
        let fixture = try SettingsFileFixture()
        defer { fixture.remove() }
        let path = try fixture.write(#"{"server": {"port": "eighty"}}"#)
        do {
            _ = try VouchSettings(loading: SettingsFile(path: path, isRequired: true), environment: [:])
            Issue.record("a port that is a string was accepted")
        } catch SettingsError.invalidFile(let file, let key, _) {
            #expect(file == path && key == "server.port")
        }
    }

    @Test func aFileThatIsNotJSONIsRefused() throws {
        let fixture = try SettingsFileFixture()
        defer { fixture.remove() }
        let path = try fixture.write(#"{"server": {"port": 80"#)
        do {
            _ = try VouchSettings(loading: SettingsFile(path: path, isRequired: true), environment: [:])
            Issue.record("broken JSON was accepted")
        } catch SettingsError.invalidFile(let file, nil, _) {
            #expect(file == path)
        }
    }
}
