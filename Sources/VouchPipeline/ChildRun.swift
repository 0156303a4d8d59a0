import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One analysis child: started with an empty environment, its input written, its
/// output collected up to a bound, its clock running.
///
/// The child is assumed hostile once it has parsed the clip, so nothing it does may
/// cost the worker more than the limits: it gets no environment (the worker's holds
/// `VOUCH_DATABASE` with its password), its answer is cut off and the child killed
/// past ``ChildLimits/maxAnswerBytes``, and only the first bytes of its error output are kept.
final class ChildRun: @unchecked Sendable {
    /// Why the parent killed the child, if it did.
    enum Stop {
        case timedOut
        case answerTooLarge
        /// The worker is shutting down and gave up on this clip.
        case cancelled
    }

    struct Result {
        var reason: Process.TerminationReason
        var status: Int32
        var output: Data
        var errorOutput: Data
        var stopped: Stop?

        var errorTail: String {
            let text = String(decoding: errorOutput.suffix(600), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? "no message" : text
        }
    }

    /// Enough for every message a child writes on standard error when it fails.
    static let errorOutputBytes = 16 << 10

    private let process = Process()
    private let lock = NSLock()
    private var stopped: Stop?

    /// A child that exits without reading its input must cost a failed write, not a
    /// SIGPIPE that takes the whole worker down.
    private static let pipeSignalIgnored: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    static func start(_ command: [String], input: Data, limits: ChildLimits) async throws -> ChildRun {
        Self.pipeSignalIgnored
        let run = ChildRun()
        try run.launch(command, input: input, limits: limits)
        return run
    }

    private var exit: CheckedContinuation<Void, Never>?
    private var hasExited = false
    private var output = Data()
    private var errorOutput = Data()
    private let readers = DispatchGroup()

    private func launch(_ command: [String], input: Data, limits: ChildLimits) throws {
        guard let executable = command.first else { throw PipelineError.childUnavailable("no analysis command is configured") }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst())
        process.environment = [:]
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
        collect(stdout, keeping: limits.maxAnswerBytes, onOverflow: { self.stop(.answerTooLarge) }) { self.output = $0 }
        collect(stderr, keeping: Self.errorOutputBytes, onOverflow: nil) { self.errorOutput = $0 }
        DispatchQueue.global().async {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + limits.wallSeconds) { [weak self] in
            self?.stop(.timedOut)
        }
    }

    /// Kills the child, once, if it is still running.
    private func stop(_ reason: Stop) {
        guard process.isRunning else { return }
        let first = lock.withLock {
            guard stopped == nil else { return false }
            stopped = reason
            return true
        }
        guard first else { return }
        let child = process.processIdentifier
        // A wrapper command (a shell that runs the analyser) leads its own process group
        // when Foundation made one: kill the whole group, so nothing it started lives on.
        if getpgid(child) == child { kill(-child, SIGKILL) }
        kill(child, SIGKILL)
    }

    /// Reads `pipe` to its end, so the child never blocks on a full pipe, but keeps
    /// only the first `limit` bytes; `onOverflow` runs when more arrive.
    private func collect(_ pipe: Pipe, keeping limit: Int, onOverflow: (@Sendable () -> Void)?, into store: @escaping @Sendable (Data) -> Void) {
        readers.enter()
        DispatchQueue.global().async {
            let handle = pipe.fileHandleForReading
            var kept = Data()
            while let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                let room = limit - kept.count
                kept.append(chunk.prefix(max(0, room)))
                if chunk.count > room { onOverflow?() }
            }
            self.lock.withLock { store(kept) }
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

    /// Waits for the child to exit; cancelling the waiting task kills the child.
    func finished() async -> Result {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let done = lock.withLock {
                    if hasExited { return true }
                    exit = continuation
                    return false
                }
                if done { continuation.resume() }
            }
        } onCancel: {
            stop(.cancelled)
        }
        await withCheckedContinuation { continuation in
            readers.notify(queue: .global()) { continuation.resume() }
        }
        return lock.withLock {
            Result(reason: process.terminationReason, status: process.terminationStatus, output: output, errorOutput: errorOutput, stopped: stopped)
        }
    }
}
