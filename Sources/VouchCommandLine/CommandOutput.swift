import ArgumentParser
import Foundation
import VouchEncoding
import VouchMedia

/// JSON as the CLI prints it: sorted keys, so output diffs cleanly.
public enum JSONOutput {
    public static func string(_ value: some Encodable, pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder.document
        if pretty { encoder.outputFormatting.insert(.prettyPrinted) }
        return try encoder.text(of: value)
    }
}

/// The exit codes `vouch` uses, from sysexits(3).
public enum VouchExit {
    public static let unreadableInput = ExitCode(65)
    public static let missingInput = ExitCode(66)
}

/// Runs `body`, turning a ``MediaError`` into a message and an exit code a script can branch on.
public func withMediaErrorsReported<T>(json: Bool, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as MediaError {
        if json {
            print(try JSONOutput.string(["error": error.reason, "message": error.description]))
        } else {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
        }
        switch error {
        case .fileNotFound, .notARegularFile: throw VouchExit.missingInput
        default: throw VouchExit.unreadableInput
        }
    }
}
