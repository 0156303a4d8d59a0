import Foundation
import VouchLog

extension NoteVerifier {
    /// The log's key as a user gives it: `name+hash+base64` itself, or `@file` holding it.
    public init(argument: String) throws {
        let text = argument.hasPrefix("@") ? try String(contentsOfFile: String(argument.dropFirst()), encoding: .utf8) : argument
        try self.init(parsing: text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
