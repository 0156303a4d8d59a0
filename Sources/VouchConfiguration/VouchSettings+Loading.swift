import Foundation

extension VouchSettings {
    /// The built-in defaults, with `file` laid over them key by key, and the settings
    /// variables of `environment` over that (see ``EnvironmentOverlay``).
    ///
    /// A partial file is valid; a key the defaults do not have is a typo and an error.
    /// Command-line options, applied by each command afterwards, win over both.
    public init(loading file: SettingsFile, environment: [String: String]) throws {
        let defaults = try SettingsTree(encoding: VouchSettings())
        var tree = defaults
        if let given = try file.tree() {
            tree = try tree.merging(given) { SettingsError.unknownSetting(path: file.path, key: $0) }
        }
        let assignments = try EnvironmentOverlay.assignments(in: environment, over: defaults)
        for assignment in assignments {
            tree = tree.replacing(at: assignment.key[...], with: assignment.value)
        }
        do {
            self = try tree.decode(VouchSettings.self)
        } catch let error as DecodingError {
            let (key, reason) = error.explanation
            // Find the variable to blame by laying each alone over the defaults: the decoder
            // does not always say where it failed (a fraction where an integer belongs).
            if let culprit = assignments.first(where: { (try? defaults.replacing(at: $0.key[...], with: $0.value).decode(VouchSettings.self)) == nil }) {
                let wholeNumberWanted = if case .number = culprit.value, case .integer = defaults.value(at: culprit.key) { true } else { false }
                throw SettingsError.invalidVariable(name: culprit.name, key: culprit.dottedKey, value: culprit.text,
                                                    reason: wholeNumberWanted ? "expected a whole number" : reason)
            }
            throw SettingsError.invalidFile(path: file.path, key: key, reason: reason)
        }
    }
}
