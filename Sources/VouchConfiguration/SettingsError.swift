/// Why the settings could not be loaded, naming the file or the environment variable,
/// and the key, so that an operator can fix the one thing that is wrong.
public enum SettingsError: Error, Equatable, CustomStringConvertible {
    /// `--config` or `VOUCH_CONFIG` named a file that is not there.
    case missingFile(path: String)
    /// The file is not JSON, or a value in it has the wrong type; `key` is where, if known.
    case invalidFile(path: String, key: String?, reason: String)
    /// The file names a setting Vouch does not have: most often a typo.
    case unknownSetting(path: String, key: String)
    /// An environment variable's value does not parse as its setting's type.
    case invalidVariable(name: String, key: String, value: String, reason: String)
    /// A variable names a settings section (`VOUCH_SERVER_…`) but no setting in it.
    case unknownVariable(name: String, section: String)

    public var description: String {
        switch self {
        case .missingFile(let path):
            "settings file '\(path)' does not exist"
        case .invalidFile(let path, let key, let reason):
            "settings file '\(path)' is not valid: \(key.map { "\($0): " } ?? "")\(reason)"
        case .unknownSetting(let path, let key):
            "settings file '\(path)' is not valid: unknown setting '\(key)'"
        case .invalidVariable(let name, let key, let value, let reason):
            "environment variable \(name)='\(value)' is not valid for setting '\(key)': \(reason)"
        case .unknownVariable(let name, let section):
            "environment variable \(name) names no setting in '\(section)' (VOUCH_\(EnvironmentOverlay.words(of: section))_… variables set \(section).* settings)"
        }
    }
}
