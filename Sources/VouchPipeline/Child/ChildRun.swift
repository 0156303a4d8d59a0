import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif
#if canImport(Glibc)
import Glibc
#endif

/// One analysis child, run to its end: started with an empty environment in a process
/// group of its own, its request written, its output read up to a bound, its clock running.
///
/// The child is assumed hostile once it has parsed the clip, so nothing it does may
/// cost the worker more than the limits: it gets no environment (the worker's holds
/// `VOUCH_DATABASE` with its password), its answer is cut off and the child stopped
/// past ``ChildLimits/maxAnswerBytes``, it is stopped at ``ChildLimits/wallSeconds``,
/// and only the first bytes of its error output are kept.
///
/// Stopping is swift-subprocess's teardown, sent to the child's whole process group so
/// that nothing it started (a wrapper's analyser, the sandboxed copy) lives on: SIGTERM,
/// then SIGKILL for a child that ignores it.
struct ChildRun: Sendable {
    /// How the child ended, and what it wrote.
    struct Ending: Sendable {
        var status: TerminationStatus
        var answer: Data
        var errorOutput: Data

        var errorTail: String {
            let text = String(decoding: errorOutput.suffix(600), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? "no message" : text
        }
    }

    /// Enough for every message a child writes on standard error when it fails.
    static let errorOutputBytes = 16 << 10
    /// How long a child has to exit after SIGTERM before it gets SIGKILL.
    static let terminationGrace: Duration = .seconds(2)

    /// The child's executable and leading arguments.
    var command: [String]
    var limits: ChildLimits

    /// A child that exits without reading its input must cost a failed write, not a
    /// SIGPIPE that takes the whole worker down.
    private static let pipeSignalIgnored: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    /// Runs the child with `input` on its standard input.
    ///
    /// - Throws: ``PipelineError/childTimedOut(seconds:)`` past the wall-clock limit,
    ///   ``PipelineError/childAnswerTooLarge(limit:)`` past the answer limit,
    ///   ``PipelineError/childUnavailable(_:)`` when it cannot be started, and
    ///   `CancellationError` when the calling task is cancelled; the child is stopped in
    ///   every case.
    func run(input: Data) async throws -> Ending {
        Self.pipeSignalIgnored
        let ending: Ending
        do {
            ending = try await withThrowingTaskGroup(of: Ending.self) { group in
                group.addTask { try await launch(input: input) }
                group.addTask {
                    try await Task.sleep(for: .seconds(limits.wallSeconds))
                    throw PipelineError.childTimedOut(seconds: limits.wallSeconds)
                }
                // Whichever ends first wins; cancelling the other stops the clock, or the child.
                defer { group.cancelAll() }
                return try await group.next()!
            }
        } catch where Task.isCancelled {
            throw CancellationError()
        }
        try Task.checkCancellation()
        return ending
    }

    private func launch(input: Data) async throws -> Ending {
        guard let executable = command.first else { throw PipelineError.childUnavailable("no analysis command is configured") }
        var options = PlatformOptions()
        // A group of its own (set by posix_spawn, which fails the launch if it cannot):
        // the teardown's signals reach whatever the child started, never the worker.
        options.processGroupID = 0
        options.teardownSequence = Self.teardown
        let result: ExecutionResult<Captured, SequenceOutput, SequenceOutput>
        do {
            result = try await withTaskExecutorPreference(ChildOutputExecutor.shared) {
                try await Subprocess.run(
                    .path(FilePath(executable)), arguments: Arguments(Array(command.dropFirst())), environment: .custom([:]),
                    platformOptions: options, input: .inputWriter, output: .sequence, error: .sequence
                ) { execution in
                    try await capture(execution, input: input)
                }
            }
        } catch let error as SubprocessError {
            throw PipelineError.childUnavailable("\(executable): \(error)")
        }
        return Ending(status: result.terminationStatus, answer: result.closureResult.answer, errorOutput: result.closureResult.errorOutput)
    }

    /// SIGTERM to the child's process group, then (added by swift-subprocess) SIGKILL.
    private static let teardown: [TeardownStep] = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: terminationGrace)]

    private struct Captured: Sendable {
        var answer: Data
        var errorOutput: Data
    }

    /// Writes the request and reads both outputs at once, so the child never blocks on a full pipe.
    private func capture(_ execution: Execution<CustomWriteInput, SequenceOutput, SequenceOutput>, input: Data) async throws -> Captured {
        async let answer = Self.answer(from: execution.standardOutput, limit: limits.maxAnswerBytes)
        async let errorOutput = Self.start(of: execution.standardError, keeping: Self.errorOutputBytes)
        // A child that exits without reading its request costs a failed write; its exit status says why.
        _ = try? await execution.standardInputWriter.write(Array(input))
        try? await execution.standardInputWriter.finish()
        do {
            return Captured(answer: try await answer, errorOutput: try await errorOutput)
        } catch {
            // Reads do not end on cancellation, only when the child is gone: stop it here,
            // or the error output would be read until the wall clock runs out.
            await execution.teardown(using: Self.teardown)
            throw error
        }
    }

    /// The child's whole answer; past `limit` bytes the reading stops with an error.
    private static func answer(from output: SubprocessOutputSequence, limit: Int) async throws -> Data {
        var answer = Data()
        for try await chunk in output {
            guard answer.count + chunk.count <= limit else { throw PipelineError.childAnswerTooLarge(limit: limit) }
            chunk.withUnsafeBytes { answer.append(contentsOf: $0) }
        }
        return answer
    }

    /// The first `limit` bytes of `output`; the rest is read to its end and dropped.
    private static func start(of output: SubprocessOutputSequence, keeping limit: Int) async throws -> Data {
        var kept = Data()
        for try await chunk in output where kept.count < limit {
            chunk.withUnsafeBytes { kept.append(contentsOf: $0.prefix(limit - kept.count)) }
        }
        return kept
    }
}
