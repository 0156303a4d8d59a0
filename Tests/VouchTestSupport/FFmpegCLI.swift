import Foundation

/// Runs the ffmpeg command-line tool: the independent reference the tests check Vouch against.
public enum FFmpegCLI {
    /// Why a reference run failed.
    public struct Failure: Error, CustomStringConvertible {
        public var arguments: [String]
        public var status: Int32
        public var description: String { "ffmpeg \(arguments.joined(separator: " ")) exited \(status); is ffmpeg installed?" }
    }

    /// Runs ffmpeg and returns what it wrote to standard output.
    @discardableResult
    public static func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ffmpeg"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(arguments: arguments, status: process.terminationStatus) }
        return data
    }
}
