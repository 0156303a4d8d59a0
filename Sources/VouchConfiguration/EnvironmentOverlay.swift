import Foundation

/// Settings given as environment variables, laid over the settings file:
/// `VOUCH_SERVER_PORT=8080` sets `server.port`, `VOUCH_PIPELINE_IN_PROCESS_WORKERS=2`
/// sets `pipeline.inProcessWorkers`.
///
/// A name is `VOUCH_`, then each key on the path to the setting in upper snake case. The
/// value is parsed as the setting's type: `true` or `false`, a number, a string as it is,
/// JSON for a list or an object. A variable whose first word is not a settings section
/// (`VOUCH_DATABASE`, `VOUCH_CONFIG`, `VOUCH_FFMPEG_LOG`) is not a setting and is left
/// alone. One that starts with a section but names no setting in it is refused, not
/// ignored: a misspelt override that silently does nothing is worse than a process that
/// will not start.
enum EnvironmentOverlay {
    static let prefix = "VOUCH_"

    /// One variable, resolved to the setting it overrides.
    struct Assignment: Equatable {
        var name: String
        var key: [String]
        var text: String
        var value: SettingsTree

        var dottedKey: String { key.joined(separator: ".") }
    }

    /// The settings variables in `environment`, in name order, parsed against `defaults`.
    static func assignments(in environment: [String: String], over defaults: SettingsTree) throws -> [Assignment] {
        try environment.keys.sorted().compactMap { name in
            guard name.hasPrefix(prefix) else { return nil }
            let tokens = name.dropFirst(prefix.count).split(separator: "_", omittingEmptySubsequences: false).map(String.init)
            guard let section = defaults.keys.first(where: { matchLength(of: $0, in: tokens[...]) != nil }) else { return nil }
            guard let key = path(to: tokens[...], in: defaults), let current = defaults.value(at: key) else {
                throw SettingsError.unknownVariable(name: name, section: section)
            }
            let text = environment[name] ?? ""
            return Assignment(name: name, key: key, text: text, value: try parse(text, like: current, name: name, key: key.joined(separator: ".")))
        }
    }

    /// `inProcessWorkers` as a variable's words: `IN_PROCESS_WORKERS`.
    static func words(of key: String) -> String {
        var result = ""
        var previous: Character?
        for character in key {
            if character.isUppercase, let previous, previous.isLowercase || previous.isNumber { result.append("_") }
            result.append(character)
            previous = character
        }
        return result.uppercased()
    }

    /// The keys, from `tree` down, that `tokens` spell; nil if they spell none.
    private static func path(to tokens: ArraySlice<String>, in tree: SettingsTree) -> [String]? {
        guard !tokens.isEmpty else { return [] }
        for key in tree.keys {
            guard let length = matchLength(of: key, in: tokens), let child = tree[key],
                  let rest = path(to: tokens.dropFirst(length), in: child) else { continue }
            return [key] + rest
        }
        return nil
    }

    /// How many of `tokens` spell `key` (compared without case or underscores), if some do.
    private static func matchLength(of key: String, in tokens: ArraySlice<String>) -> Int? {
        let target = key.uppercased()
        var spelled = ""
        for (count, token) in tokens.enumerated() {
            spelled += token
            if spelled == target { return count + 1 }
            guard target.hasPrefix(spelled) else { return nil }
        }
        return nil
    }

    private static func parse(_ text: String, like current: SettingsTree, name: String, key: String) throws -> SettingsTree {
        func invalid(_ reason: String) -> SettingsError {
            .invalidVariable(name: name, key: key, value: text, reason: reason)
        }
        switch current {
        case .string:
            return .string(text)
        case .bool:
            guard let value = Bool(text) else { throw invalid("expected true or false") }
            return .bool(value)
        case .integer:
            if let value = Int64(text) { return .integer(value) }
            guard let value = Double(text) else { throw invalid("expected a number") }
            return .number(value)
        case .number:
            guard let value = Double(text) else { throw invalid("expected a number") }
            return .number(value)
        case .null, .array, .object:
            guard let value = try? JSONDecoder().decode(SettingsTree.self, from: Data(text.utf8)) else { throw invalid("expected JSON") }
            return value
        }
    }
}
