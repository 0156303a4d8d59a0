import Foundation

/// Runs a command-line tool the tests use as an independent reference (ffmpeg, openssl).
public enum ExternalTool {
    /// Why a reference tool failed.
    public struct Failure: Error, CustomStringConvertible {
        public var tool: String
        public var arguments: [String]
        public var status: Int32
        public var description: String { "\(tool) \(arguments.joined(separator: " ")) exited \(status); is \(tool) installed?" }
    }

    /// Runs `tool` with `arguments` (in `directory`, if given) and returns what it wrote to standard output.
    @discardableResult
    public static func run(_ tool: String, _ arguments: [String], in directory: URL? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(tool: tool, arguments: arguments, status: process.terminationStatus) }
        return data
    }
}

/// The ffmpeg command-line tool, the reference the media tests check Vouch against.
public enum FFmpegCLI {
    @discardableResult
    public static func run(_ arguments: [String]) throws -> Data {
        try ExternalTool.run("ffmpeg", arguments)
    }
}

/// The openssl command-line tool, which makes the keys and signatures the identity tests verify.
public enum OpenSSLCLI {
    /// Makes an Ed25519 key pair in `directory`: `private.pem` and `name`.
    public static func makeEd25519Key(publicKeyFile name: String, in directory: URL) throws {
        try ExternalTool.run("openssl", ["genpkey", "-algorithm", "ed25519", "-out", "private.pem"], in: directory)
        try ExternalTool.run("openssl", ["pkey", "-in", "private.pem", "-pubout", "-out", name], in: directory)
    }

    /// Signs `file` with `private.pem` in `directory`, writing `signature`.
    public static func sign(_ file: String, in directory: URL) throws {
        try ExternalTool.run("openssl", ["pkeyutl", "-sign", "-inkey", "private.pem", "-rawin", "-in", file, "-out", "signature"], in: directory)
    }
}
