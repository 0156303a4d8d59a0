import Foundation

/// Settings as a JSON tree, the form in which the built-in defaults, the file and the
/// environment are laid over one another before the result is decoded once.
///
/// The settings types keep Swift's synthesised `Codable`, so the tree is made by encoding
/// them; integers stay integers, so that a count round-trips exactly.
enum SettingsTree: Equatable, Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([SettingsTree])
    case object([String: SettingsTree])

    init(encoding value: some Encodable) throws {
        self = try JSONDecoder().decode(SettingsTree.self, from: JSONEncoder().encode(value))
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([SettingsTree].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: SettingsTree].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    func decode<Settings: Decodable>(_ type: Settings.Type) throws -> Settings {
        try JSONDecoder().decode(type, from: JSONEncoder().encode(self))
    }

    /// `given` laid over this tree: objects merge key by key, anything else (arrays
    /// included) replaces. A key this tree lacks is a typo; `unknown` names it.
    func merging(_ given: SettingsTree, at path: [String] = [], unknown: (String) -> any Error) throws -> SettingsTree {
        guard case .object(let givenObject) = given, case .object(var object) = self else { return given }
        for (key, value) in givenObject.sorted(by: { $0.key < $1.key }) {
            guard let current = object[key] else { throw unknown((path + [key]).joined(separator: ".")) }
            object[key] = try current.merging(value, at: path + [key], unknown: unknown)
        }
        return .object(object)
    }

    /// The tree with the value at `path` replaced.
    func replacing(at path: ArraySlice<String>, with value: SettingsTree) -> SettingsTree {
        guard let key = path.first else { return value }
        guard case .object(var object) = self, let current = object[key] else { return self }
        object[key] = current.replacing(at: path.dropFirst(), with: value)
        return .object(object)
    }

    var keys: [String] {
        guard case .object(let object) = self else { return [] }
        return object.keys.sorted()
    }

    func value(at path: [String]) -> SettingsTree? {
        path.reduce(Optional(self)) { tree, key in tree?[key] }
    }

    subscript(key: String) -> SettingsTree? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }
}
