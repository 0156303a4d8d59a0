import Foundation
import VouchTestSupport

/// One run of the built `vouch` executable, as a user would start it: its exit status and output.
struct VouchRun {
    var status: Int32
    var output: String
    var errors: String

    /// Runs `vouch` with `arguments`, and `environment` added to this process's own.
    init(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = VouchExecutable.url
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        self.output = String(decoding: out, as: UTF8.self)
        self.errors = String(decoding: err, as: UTF8.self)
    }
}
