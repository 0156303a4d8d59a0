import Foundation
import Testing
@testable import VouchConfiguration

@Suite struct EnvironmentOverlayTests {
    let absent = SettingsFile(path: "/nonexistent/vouch.json", isRequired: false)

    @Test func variablesOverrideTheFileKeyByKey() throws {
        let fixture = try SettingsFileFixture()
        defer { fixture.remove() }
        let path = try fixture.write(#"{"server": {"port": 9090, "host": "0.0.0.0"}, "pipeline": {"inProcessWorkers": 4}}"#)
        let settings = try VouchSettings(loading: SettingsFile(path: path, isRequired: true), environment: [
            "VOUCH_SERVER_PORT": "8081", "VOUCH_PIPELINE_IN_PROCESS_WORKERS": "2",
        ])
        #expect(settings.server.port == 8081)
        #expect(settings.pipeline.inProcessWorkers == 2)
        #expect(settings.server.host == "0.0.0.0", "what no variable names keeps the file's value")
    }

    @Test func nestedBooleanListAndTextSettingsParseAsTheirType() throws {
        let defaults = VouchSettings()
        let settings = try VouchSettings(loading: absent, environment: [
            "VOUCH_MEDIA_LIMITS_MAX_DURATION_SECONDS": "12.5",
            "VOUCH_LOG_ORIGIN": "reviews.example.com/log",
            "VOUCH_SERVER_METRICS_TOKEN": "s3cret",
            "VOUCH_SERVER_TRUSTED_PROXIES": #"["10.0.0.0/8"]"#,
            "VOUCH_MODERATION_SECURE_COOKIES": "false",
        ])
        #expect(settings.media.limits.maxDurationSeconds == 12.5)
        #expect(settings.log.origin == "reviews.example.com/log")
        #expect(settings.server.metricsToken == "s3cret")
        #expect(settings.server.trustedProxies == ["10.0.0.0/8"], "a list is JSON")
        #expect(settings.moderation.secureCookies == false)
        #expect(settings.server.port == defaults.server.port)
    }

    @Test func variablesThatAreNotSettingsAreLeftAlone() throws {
        let settings = try VouchSettings(loading: absent, environment: [
            "VOUCH_DATABASE": "postgres://localhost/vouch", "VOUCH_CONFIG": "x.json", "VOUCH_FFMPEG_LOG": "debug", "HOME": "/root",
        ])
        #expect(settings.server.port == VouchSettings().server.port)
    }

    @Test func aValueThatDoesNotParseNamesTheVariable() {
        #expect(throws: SettingsError.invalidVariable(name: "VOUCH_SERVER_PORT", key: "server.port", value: "eighty", reason: "expected a number")) {
            try VouchSettings(loading: absent, environment: ["VOUCH_SERVER_PORT": "eighty"])
        }
        #expect(throws: SettingsError.invalidVariable(name: "VOUCH_SERVER_PORT", key: "server.port", value: "80.5", reason: "expected a whole number")) {
            try VouchSettings(loading: absent, environment: ["VOUCH_SERVER_PORT": "80.5"])
        }
        #expect(throws: SettingsError.invalidVariable(name: "VOUCH_SERVER_PORT", key: "server.port", value: "80.5", reason: "expected a whole number"),
                "the variable at fault is named, not a valid one beside it") {
            try VouchSettings(loading: absent, environment: ["VOUCH_SERVER_HOST": "0.0.0.0", "VOUCH_SERVER_PORT": "80.5"])
        }
    }

    @Test func aMisspeltSettingVariableIsRefused() {
        let error = SettingsError.unknownVariable(name: "VOUCH_SERVER_PROT", section: "server")
        #expect(throws: error) { try VouchSettings(loading: absent, environment: ["VOUCH_SERVER_PROT": "8080"]) }
        #expect(error.description.contains("VOUCH_SERVER_PROT") && error.description.contains("VOUCH_SERVER_"))
    }

    @Test func keysBecomeUpperSnakeWords() {
        #expect(EnvironmentOverlay.words(of: "inProcessWorkers") == "IN_PROCESS_WORKERS")
        #expect(EnvironmentOverlay.words(of: "maxDurationSeconds") == "MAX_DURATION_SECONDS")
        #expect(EnvironmentOverlay.words(of: "port") == "PORT")
    }
}
