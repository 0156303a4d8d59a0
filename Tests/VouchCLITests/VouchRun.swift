import Foundation
import VouchTestSupport

/// One run of the built `vouch` executable, as a user would start it: its exit status and output.
struct VouchRun {
    var status: Int32
    var output: String
    var errors: String

    init(_ arguments: [String], input: String? = nil) throws {
        let process = Process()
        process.executableURL = VouchExecutable.url
        process.arguments = arguments
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
