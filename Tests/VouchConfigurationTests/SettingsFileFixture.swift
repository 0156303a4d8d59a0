import Foundation

/// A settings file in a fresh temporary directory, removed when the test is done.
struct SettingsFileFixture {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-settings-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Writes `json` as `vouch.json` and returns its path.
    func write(_ json: String) throws -> String {
        let file = directory.appendingPathComponent("vouch.json")
        try Data(json.utf8).write(to: file)
        return file.path
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
