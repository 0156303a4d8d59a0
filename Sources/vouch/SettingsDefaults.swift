import Foundation

/// Reads a settings file as the built-in defaults with the file laid over them.
///
/// The settings types keep Swift's synthesised `Codable`: the defaults are encoded,
/// the file's objects are merged into them key by key (anything else, arrays
/// included, replaces the default), and the result is decoded. A partial file is
/// therefore valid, and a key the defaults do not have is a typo, named in the error.
enum SettingsDefaults {
    /// A setting the file names that Vouch does not have.
    struct Problem: Error, CustomStringConvertible {
        var path: String
        var description: String { "unknown setting '\(path)'" }
    }

    static func decode<Settings: Codable>(_ type: Settings.Type, from data: Data, over defaults: Settings) throws -> Settings {
        let base = try JSONSerialization.jsonObject(with: JSONEncoder().encode(defaults))
        let given = try JSONSerialization.jsonObject(with: data)
        let merged = try merge(given, into: base, at: [])
        return try JSONDecoder().decode(Settings.self, from: JSONSerialization.data(withJSONObject: merged))
    }

    private static func merge(_ given: Any, into base: Any, at path: [String]) throws -> Any {
        guard let givenObject = given as? [String: Any], var baseObject = base as? [String: Any] else { return given }
        for (key, value) in givenObject {
            guard let current = baseObject[key] else { throw Problem(path: (path + [key]).joined(separator: ".")) }
            baseObject[key] = try merge(value, into: current, at: path + [key])
        }
        return baseObject
    }
}
