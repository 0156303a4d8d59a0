import Foundation
import VouchAnalysis
import VouchPipeline
import VouchTestSupport
#if canImport(Glibc)
import Glibc
#endif

// A stand-in for an analysis child whose decoder a hostile upload has taken over.
// It starts as `vouch analyze` does (the request on standard input, then the
// sandbox), then tries what an attacker would, and answers with what worked as an
// AnalysisRejection (exit 65), so the tests run it through the worker's own launcher.
//
// Arguments: a secret file to read, a loopback port to connect to, a folder to write
// in, and the worker's process id (whose environment holds VOUCH_DATABASE).

let arguments = CommandLine.arguments
let secret = arguments[1]
let request = try JSONDecoder().decode(AnalysisRequest.self, from: FileHandle.standardInput.readDataToEndOfFile())

/// What became of one attempt: "allowed", or the system's reason for refusing it.
func outcome(_ failure: String?) -> String {
    failure ?? "allowed"
}

func opening(_ path: String, _ flags: Int32) -> String? {
    let descriptor = open(path, flags, 0o644)
    guard descriptor >= 0 else { return String(cString: strerror(errno)) }
    close(descriptor)
    return nil
}

func spawning(_ program: String) -> String? {
    var child = pid_t()
    let argv: [UnsafeMutablePointer<CChar>?] = [strdup(program), nil]
    let code = posix_spawn(&child, program, nil, nil, argv, environ)
    guard code == 0 else { return String(cString: strerror(code)) }
    waitpid(child, nil, 0)
    return nil
}

func makePipe() -> (read: Int32, write: Int32) {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { fatalError("pipe: \(String(cString: strerror(errno)))") }
    return (ends[0], ends[1])
}

/// Starts, before the sandbox, a thread that opens `path` whenever asked: how code
/// that took over the decoder would use a thread the sandbox does not bind.
func startOpener(of path: String, questions: Int32, answers: Int32) {
    Thread {
        var byte: UInt8 = 0
        while read(questions, &byte, 1) == 1 {
            let result = Array(outcome(opening(path, O_RDONLY)).utf8)
            _ = write(answers, result, result.count)
        }
    }.start()
}

func asking(_ questions: Int32, forAnswerOn answers: Int32) -> String? {
    var byte: UInt8 = 1
    guard write(questions, &byte, 1) == 1 else { return String(cString: strerror(errno)) }
    var ready = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
    guard poll(&ready, 1, 2000) == 1 else { return "no answer" }
    var buffer = [UInt8](repeating: 0, count: 256)
    let count = read(answers, &buffer, buffer.count)
    let reply = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
    return reply == "allowed" ? nil : reply
}

let question = makePipe(), answer = makePipe()
startOpener(of: secret, questions: question.read, answers: answer.write)

Sandbox.isolate(readingOnly: request.path, limits: request.limits) { sandbox in
    let attempts = [
        "environment": ProcessInfo.processInfo.environment.keys.sorted().joined(separator: ","),
        "read-clip": outcome(opening(request.path, O_RDONLY)),
        "read-secret": outcome(opening(secret, O_RDONLY)),
        "read-worker-environment": outcome(opening("/proc/\(arguments[4])/environ", O_RDONLY)),
        "read-secret-through-an-earlier-thread": outcome(asking(question.write, forAnswerOn: answer.read)),
        "connect-loopback": outcome(LoopbackListener.connectionFailure(port: UInt16(arguments[2])!)),
        "write-file": outcome(opening(arguments[3] + "/planted", O_WRONLY | O_CREAT | O_TRUNC)),
        "spawn-process": outcome(spawning("/bin/true")),
        "sandbox": sandbox.description,
    ]
    let reply = String(decoding: try JSONEncoder().encode(attempts), as: UTF8.self)
    FileHandle.standardOutput.write(try JSONEncoder().encode(AnalysisRejection(reason: reply)))
    return 65
}
