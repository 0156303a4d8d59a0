import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs each clip's analysis in a child process, so that a decoder crash, a hang or a
/// memory blow-up costs that clip and nothing else.
///
/// The child (by default this executable's hidden `analyze` subcommand) reads an
/// ``AnalysisRequest`` as JSON on standard input, limits its own CPU and memory, and
/// writes a ``ClipAnalysis`` (exit 0) or an ``AnalysisRejection`` (exit 65) as JSON.
public struct IsolatedAnalyzer: Sendable {
    /// The child's executable and leading arguments.
    public var command: [String]

    public init(command: [String]) {
        self.command = command
    }

    /// This executable's own `analyze` subcommand.
    public static var ownExecutable: IsolatedAnalyzer {
        IsolatedAnalyzer(command: [URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path, "analyze"])
    }

    public func analyze(_ request: AnalysisRequest) async throws -> ClipAnalysis {
        let input = try JSONEncoder().encode(request)
        let run = try await ChildRun.start(command, input: input, wallSeconds: request.limits.wallSeconds)
        let result = await run.finished()
        if result.timedOut { throw PipelineError.childTimedOut(seconds: request.limits.wallSeconds) }
        switch (result.reason, result.status) {
        case (.uncaughtSignal, let signal):
            throw PipelineError.childCrashed(signal: signal)
        case (.exit, 0):
            do {
                return try JSONDecoder().decode(ClipAnalysis.self, from: result.output)
            } catch {
                throw PipelineError.childFailed(status: 0, detail: "its answer was not readable: \(error)")
            }
        case (.exit, 65):
            guard let rejection = try? JSONDecoder().decode(AnalysisRejection.self, from: result.output) else {
                throw PipelineError.childFailed(status: 65, detail: result.errorTail)
            }
            throw PipelineError.rejectedMedia(rejection.reason)
        case (.exit, let status):
            throw PipelineError.childFailed(status: status, detail: result.errorTail)
        @unknown default:
            throw PipelineError.childFailed(status: result.status, detail: result.errorTail)
        }
    }
}

/// One child process: its input written, its output collected, its clock running.
private final class ChildRun: @unchecked Sendable {
    struct Result {
        var reason: Process.TerminationReason
        var status: Int32
        var output: Data
        var errorOutput: Data
        var timedOut: Bool

        var errorTail: String {
            let text = String(decoding: errorOutput.suffix(600), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? "no message" : text
        }
    }

    private let process = Process()
    private let lock = NSLock()
    private var timedOut = false

    /// A child that exits without reading its input must cost a failed write, not a
    /// SIGPIPE that takes the whole worker down.
    private static let pipeSignalIgnored: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    static func start(_ command: [String], input: Data, wallSeconds: Double) async throws -> ChildRun {
        Self.pipeSignalIgnored
        let run = ChildRun()
        try run.launch(command, input: input, wallSeconds: wallSeconds)
        return run
    }

    private var exit: CheckedContinuation<Void, Never>?
    private var hasExited = false
    private var output = Data()
    private var errorOutput = Data()
    private let readers = DispatchGroup()

    private func launch(_ command: [String], input: Data, wallSeconds: Double) throws {
        guard let executable = command.first else { throw PipelineError.childUnavailable("no analysis command is configured") }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst())
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        process.terminationHandler = { [weak self] _ in self?.markExited() }
        do {
            try process.run()
        } catch {
            throw PipelineError.childUnavailable("\(executable): \(error.localizedDescription)")
        }
        collect(stdout) { self.output = $0 }
        collect(stderr) { self.errorOutput = $0 }
        DispatchQueue.global().async {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + wallSeconds) { [weak self] in
            guard let self, self.process.isRunning else { return }
            self.lock.withLock { self.timedOut = true }
            kill(pid, SIGKILL)
        }
    }

    private func collect(_ pipe: Pipe, into store: @escaping @Sendable (Data) -> Void) {
        readers.enter()
        DispatchQueue.global().async {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            self.lock.withLock { store(data) }
            self.readers.leave()
        }
    }

    private func markExited() {
        let waiting: CheckedContinuation<Void, Never>? = lock.withLock {
            hasExited = true
            defer { exit = nil }
            return exit
        }
        waiting?.resume()
    }

    func finished() async -> Result {
        await withCheckedContinuation { continuation in
            let done = lock.withLock {
                if hasExited { return true }
                exit = continuation
                return false
            }
            if done { continuation.resume() }
        }
        await withCheckedContinuation { continuation in
            readers.notify(queue: .global()) { continuation.resume() }
        }
        return lock.withLock {
            Result(reason: process.terminationReason, status: process.terminationStatus, output: output, errorOutput: errorOutput, timedOut: timedOut)
        }
    }
}
